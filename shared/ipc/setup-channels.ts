// Channel schemas for "What to do next": the seeds' set-up steps with their states,
// and the confirmation that the threat classifications were reviewed.
import { SETUP_STEP_REASONS, SETUP_STEP_STATES, SETUP_STEPS } from '../domain/setup-checklist';
import { z } from './zod';

export const setupMarkSchema = z.object({ by: z.string().min(1).max(256), at: z.iso.datetime() }).strict();

export const setupStepSchema = z.object({
  id: z.enum(SETUP_STEPS),
  state: z.enum(SETUP_STEP_STATES),
  reason: z.enum(SETUP_STEP_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  target: z.object({
    path: z.string(),
    tab: z.enum(['connection', 'enrollment', 'stateSync', 'errors']).optional(),
    needsFull: z.boolean(),
  }),
});

export const setupChecklistSchema = z.object({
  steps: z.array(setupStepSchema),
  done: z.number().int(),
  total: z.number().int(),
});
export type SetupChecklistView = z.infer<typeof setupChecklistSchema>;

export const classificationsReviewedSchema = z.object({ reviewed: setupMarkSchema });
