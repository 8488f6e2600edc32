import { z } from 'zod';
import { categoryIdSchema } from './name-schemas';

/**
 * The rule file format (YAML). One file per category family; see docs/rules.md.
 * Exported as zod schemas and as a JSON Schema (`ruleFileJsonSchema`).
 */
export const actionSchema = z.enum(['reject', 'review', 'mask', 'flag']);

const categoryId = categoryIdSchema;
const messagesSchema = z.object({ id: z.string().min(1), en: z.string().min(1) }).strict();
const phraseList = z.array(z.string().min(1).max(200)).max(20000);

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is a calendar day in WIB, YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+07:00`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar day');

/** One period of a legal basis: both ends inclusive WIB calendar days, either open. */
export const legalBasisPeriodSchema = z.object({ from: calendarDay.optional(), until: calendarDay.optional(), text: z.string().min(1).max(2000) }).strict();

/** A legal basis: one text for all time (the old form), or periods with effective dates. */
export const legalBasisSchema = z.union([z.string().min(1).max(2000), z.array(legalBasisPeriodSchema).min(1).max(20)]);

export const patternSchema = z.union([
  z.string().min(1).max(2000),
  z
    .object({
      re: z.string().min(1).max(2000),
      view: z.enum(['text', 'words']).optional(),
      minDigits: z.number().int().min(0).max(64).optional(),
      requires: z.array(z.string().min(1)).min(1).max(100).optional(),
      validate: z.enum(['nik']).optional(),
    })
    .strict(),
]);

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'rule id must be dotted lower-case, e.g. kasar.insult-direct'),
    category: categoryId.optional(),
    legalBasis: legalBasisSchema.optional(),
    action: actionSchema.optional(),
    severity: z.number().int().min(1).max(5).optional(),
    messages: messagesSchema.optional(),
    terms: phraseList.optional(),
    patterns: z.array(patternSchema).max(50).optional(),
    view: z.enum(['text', 'words']).optional(),
    source: z.literal('obscenity').optional(),
    signal: z.enum(['fancy', 'repeat']).optional(),
    allow: phraseList.optional(),
    near: z.object({ terms: phraseList.min(1), within: z.number().int().min(1).max(50) }).strict().optional(),
    minHits: z.number().int().min(1).max(20).optional(),
    escalate: z
      .object({ action: actionSchema, hits: z.number().int().min(1).optional(), withAny: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
    examples: z.object({ match: z.array(z.string()).optional(), noMatch: z.array(z.string()).optional() }).strict().optional(),
  })
  .strict()
  .refine((r) => (r.terms?.length ?? 0) > 0 || (r.patterns?.length ?? 0) > 0 || r.source !== undefined || r.signal !== undefined, {
    message: 'a rule needs terms, patterns, a source or a signal',
  });

export const ruleFileSchema = z
  .object({
    category: categoryId,
    legalBasis: legalBasisSchema,
    action: actionSchema,
    severity: z.number().int().min(1).max(5).optional(),
    messages: messagesSchema,
    allow: phraseList.optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

/** Slang dictionary files (`_*.yaml`): canonical word → spellings that mean it. */
export const variantFileSchema = z.object({ variants: z.record(z.string().min(1), z.array(z.string().min(1))) }).strict();

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type LegalBasisDef = z.infer<typeof legalBasisSchema>;
export type PatternDef = z.infer<typeof patternSchema>;
export type VariantFile = z.infer<typeof variantFileSchema>;

/** JSON Schema of a rule file, for editors and the rules page. */
export function ruleFileJsonSchema(): unknown {
  return z.toJSONSchema(ruleFileSchema, { unrepresentable: 'any' });
}
