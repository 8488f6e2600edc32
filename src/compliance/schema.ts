import { z } from 'zod';

const DAY_MS = 86_400_000;
/** 00:00 WIB (UTC+7, the day of the report's `daily` figures) of a YYYY-MM-DD date. */
const wibDayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);
const datetime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
/** `from`: a datetime as given; a date is the start of that WIB day. */
const fromInstant = z.union([datetime, z.iso.date().transform(wibDayStart)]);
/** `to`: a datetime as given (exclusive); a date includes that whole WIB day (ends at the next 00:00 WIB). */
const toInstant = z.union([datetime, z.iso.date().transform((d) => new Date(wibDayStart(d).getTime() + DAY_MS))]);

/**
 * Query of `GET /v1/reports/compliance`: a site (optional for admins and one-site moderators),
 * a period `[from, to)`, a format. Dates (YYYY-MM-DD) are calendar days in WIB, both included.
 */
export const complianceQuery = z
  .strictObject({
    siteId: z.string().trim().min(1).max(100).optional(),
    from: fromInstant.optional(),
    to: toInstant.optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from.getTime() < q.to.getTime(), { message: 'from must be before to', path: ['from'] });
export type ComplianceQuery = z.infer<typeof complianceQuery>;
