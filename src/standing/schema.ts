import { z } from 'zod';

/** The body of `POST /v1/sites/:id/authors/:authorId/ban`: an end (`until`) or a length (`hours`), and why. */
export const banSchema = z
  .strictObject({
    until: z.iso.datetime({ offset: true }).optional(),
    hours: z.number().positive().max(24 * 365 * 10).optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((b) => (b.until === undefined) !== (b.hours === undefined), { message: 'give either until or hours', path: ['until'] });
export type BanInput = z.infer<typeof banSchema>;

/** The body of `DELETE …/ban` (optional). */
export const liftBanSchema = z.strictObject({ reason: z.string().trim().max(500).optional() });

/** Path parameters shared by the author routes. */
export const authorParams = z.object({ id: z.string().min(1).max(100), authorId: z.string().min(1).max(200) });
