import { z } from 'zod';
import { CATEGORY, CATEGORY_OR_FAMILY, REPORT_REASON } from './names';

/**
 * The names of `names.ts` as zod schemas, kept out of that file: zod takes ~115 ms to load, and
 * what needs only a name (the rules loader, `saring check` on cached rules) does not load it.
 */

/** A category id, as rule files, site policies (with {@link categoryOrFamilySchema}) and reader reports validate it. */
export const categoryIdSchema = z.string().regex(CATEGORY, 'category must look like "family.name", e.g. kasar.directed or pdp.home-address');
/** A category or a whole family (`kasar`): what a site policy's `categoryActions` names. */
export const categoryOrFamilySchema = z.string().regex(CATEGORY_OR_FAMILY, 'a category ("family.name", e.g. kasar.directed) or a family (kasar)');
/** A reader report's reason: a category id or "other" (trimmed). */
export const reportReasonSchema = z.string().trim().regex(REPORT_REASON, 'a rule category id such as "sara.hate", or "other"');
