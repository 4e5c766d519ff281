// Channel schemas for the Threats screen: threats across devices, filtered, sorted and paged
// in main; the renderer only ever holds a page and the filter options.
import { THREAT_STATUSES } from '../domain/threat-level';
import { RISK_LEVELS } from '../domain/threat-classifications';
import { z } from './zod';

/** How long ago a threat was detected: under a day, 1 to 7 days, 7 to 30 days, over 30 days. */
export const THREAT_AGES = ['day', 'week', 'month', 'older'] as const;
export type ThreatAge = (typeof THREAT_AGES)[number];

export const THREAT_SORT_COLUMNS = ['detectedAt', 'level', 'classification', 'type', 'status', 'deviceName', 'userPrincipalName', 'platform'] as const;
export type ThreatSortColumn = (typeof THREAT_SORT_COLUMNS)[number];

export const THREAT_PAGE_MAX = 500;
/** Classification names are short upper-case words; the list holds a few dozen. */
export const CLASSIFICATION_NAME_MAX = 64;
export const THREAT_FILTER_LIST_MAX = 100;

const classificationName = z
  .string({ error: 'A classification is text.' })
  .min(1, { error: 'A classification is not empty.' })
  .max(CLASSIFICATION_NAME_MAX, { error: `A classification has at most ${CLASSIFICATION_NAME_MAX} characters.` })
  .regex(/^[A-Z0-9_]+$/, { error: 'A classification is written in capitals, digits and underscores, e.g. ROOT_JAILBREAK.' });

export const threatFilterSchema = z
  .object({
    classifications: z.array(classificationName).max(THREAT_FILTER_LIST_MAX, { error: `At most ${THREAT_FILTER_LIST_MAX} classifications.` }).optional(),
    levels: z.array(z.enum(RISK_LEVELS, { error: `A risk level is one of ${RISK_LEVELS.join(', ')}.` })).max(RISK_LEVELS.length).optional(),
    platforms: z.array(z.string({ error: 'A platform is text.' }).min(1).max(32, { error: 'A platform name has at most 32 characters.' })).max(10).optional(),
    ages: z.array(z.enum(THREAT_AGES, { error: `An age is one of ${THREAT_AGES.join(', ')}.` })).max(THREAT_AGES.length).optional(),
    statuses: z.array(z.enum(THREAT_STATUSES, { error: `A status is one of ${THREAT_STATUSES.join(', ')}.` })).max(THREAT_STATUSES.length).optional(),
  })
  .strict();
export type ThreatFilter = z.infer<typeof threatFilterSchema>;

export const threatSortSchema = z
  .object({
    column: z.enum(THREAT_SORT_COLUMNS, { error: `Threats sort by one of ${THREAT_SORT_COLUMNS.join(', ')}.` }),
    direction: z.enum(['asc', 'desc'], { error: 'The sort direction is asc or desc.' }),
  })
  .strict();
export type ThreatSort = z.infer<typeof threatSortSchema>;

export const threatPageRequestSchema = z
  .object({
    filter: threatFilterSchema,
    sort: threatSortSchema,
    offset: z.number({ error: 'offset is a whole number.' }).int({ error: 'offset is a whole number.' }).min(0, { error: 'offset is 0 or more.' }).max(1_000_000, { error: 'offset is at most 1,000,000.' }),
    limit: z
      .number({ error: 'limit is a whole number.' })
      .int({ error: 'limit is a whole number.' })
      .min(1, { error: 'limit is at least 1.' })
      .max(THREAT_PAGE_MAX, { error: `A page has at most ${THREAT_PAGE_MAX} threats.` }),
  })
  .strict();
export type ThreatPageRequest = z.infer<typeof threatPageRequestSchema>;

export const threatRowSchema = z.object({
  guid: z.string(),
  type: z.string(),
  classifications: z.array(z.string()),
  level: z.enum(RISK_LEVELS),
  status: z.enum(THREAT_STATUSES),
  /** Tenant time (ms) the MTD service detected it; when it did not say, when the console first saw it. */
  detectedAt: z.number(),
  closedAt: z.number().nullable(),
  /** The Intune device, when the MTD agent is linked to one; null for an agent Intune does not list. */
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  platform: z.string().nullable(),
  osVersion: z.string().nullable(),
});
export type ThreatRow = z.infer<typeof threatRowSchema>;

export const threatPageSchema = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(threatRowSchema) });
export type ThreatPage = z.infer<typeof threatPageSchema>;

/** What the filters offer: the classifications and platforms the inventory's threats have. */
export const threatOptionsSchema = z.object({ classifications: z.array(z.string()), platforms: z.array(z.string()) });
export type ThreatOptions = z.infer<typeof threatOptionsSchema>;
