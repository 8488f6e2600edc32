import { z } from 'zod';
import { reportReasonSchema } from '../rules/name-schemas';

/** The body of `POST /v1/comments/:id/reports`: a reader's report, sent by the site on the reader's behalf. */
export const reportSchema = z.strictObject({
  reporterId: z.string().trim().min(1).max(200),
  /** A rule category id (`susila.explicit`, `hoaks.riot`, …) or `other`. */
  reason: reportReasonSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ReportInput = z.infer<typeof reportSchema>;
