import { z } from 'zod';

/** The body of `POST /v1/comments/:id/decision`. */
export const decisionSchema = z.strictObject({
  status: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(2000).optional(),
  /** Override a human decision or win against a concurrent one. */
  force: z.boolean().optional(),
  /** The `revision` the moderator saw; a different current revision is a 409 unless forced. */
  expectedRevision: z.number().int().min(0).optional(),
});
export type DecisionInput = z.infer<typeof decisionSchema>;
