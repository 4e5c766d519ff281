// Channel schemas for the directory pickers and the stored enrollment group checks.
import { LIMITS } from '../config/configuration-schema';
import { wellFormed } from '../config/well-formed';
import { groupCheckSchema } from './configuration-channels';
import { z } from './zod';

/** A picker asks for at most this many suggestions at once. */
export const GROUP_SUGGESTIONS_MAX = 20;
/** The Access screen resolves its two ids; a few more leave room without inviting bulk lookups. */
export const GROUP_RESOLVE_MAX = 10;

export const groupSearchRequestSchema = z
  .object({
    prefix: z
      .string({ error: 'Type the start of a group name.' })
      .min(1, { error: 'Type at least 1 character of a group name.' })
      .max(LIMITS.groupNameLength, { error: `A group name has at most ${LIMITS.groupNameLength} characters.` })
      .refine(wellFormed, { error: 'The text contains characters that are not valid text.' })
      .refine((value) => value.trim() !== '', { error: 'Type at least 1 character of a group name, not only spaces.' }),
    limit: z.number().int().min(1).max(GROUP_SUGGESTIONS_MAX).optional(),
  })
  .strict();
export type GroupSearchRequest = z.infer<typeof groupSearchRequestSchema>;

export const groupSuggestionSchema = z.object({ id: z.string(), displayName: z.string() });
export type GroupSuggestion = z.infer<typeof groupSuggestionSchema>;
export const groupSearchResultSchema = z.object({ groups: z.array(groupSuggestionSchema) });

export const groupResolveRequestSchema = z
  .object({
    ids: z
      .array(z.guid({ error: 'Each group id must be a GUID such as 00000000-0000-0000-0000-000000000000.' }))
      .min(1, { error: 'Give at least 1 group id.' })
      .max(GROUP_RESOLVE_MAX, { error: `Give at most ${GROUP_RESOLVE_MAX} group ids.` }),
  })
  .strict();

export const resolvedGroupSchema = z.object({
  id: z.string(),
  found: z.boolean(),
  displayName: z.string().optional(),
  securityEnabled: z.boolean().optional(),
  /** Direct members of every kind, as Graph counts them. */
  memberCount: z.number().int().nonnegative().optional(),
});
export type ResolvedGroupView = z.infer<typeof resolvedGroupSchema>;
export const groupResolveResultSchema = z.object({ groups: z.array(resolvedGroupSchema) });

/** The directory's verdict on the saved enrollment groups, from the last save (or re-check). */
export const savedGroupChecksSchema = z.object({
  /** The names checked; the results are only current while they are the saved connector's groups. */
  names: z.array(z.string()),
  checkedAt: z.iso.datetime().nullable(),
  results: z.array(groupCheckSchema),
  /** Why the groups could not be checked, when they could not. */
  error: z.string().nullable(),
});
export type SavedGroupChecks = z.infer<typeof savedGroupChecksSchema>;

/** The statuses of a group that enrolls nobody. */
export const ENROLLS_NOTHING = ['unknown', 'ambiguous', 'notSecurityGroup', 'caseMismatch'] as const;
