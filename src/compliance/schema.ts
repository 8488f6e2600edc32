import { z } from 'zod';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((s) => new Date(s));

/** Query of `GET /v1/reports/compliance`: a site (optional for admins and one-site moderators), a period, a format. */
export const complianceQuery = z
  .strictObject({
    siteId: z.string().trim().min(1).max(100).optional(),
    from: instant.optional(),
    to: instant.optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from.getTime() < q.to.getTime(), { message: 'from must be before to', path: ['from'] });
export type ComplianceQuery = z.infer<typeof complianceQuery>;
