/**
 * The names rules are known by, one definition each: what a rule file may be called and what a
 * category id looks like. The loader, the compiler, the rules API, its OpenAPI document, site
 * policies and reader reports all use these, so that a name one of them accepts the others do too.
 */

/** A rule file: flat, lower-case, letters, digits, "_" or "-", no dot but the extension. */
export const RULE_FILE_NAME = /^[a-z0-9_][a-z0-9_-]{0,63}\.ya?ml$/;

/** The rule, in words, for messages. */
export const RULE_FILE_NAME_RULE = 'a rule file name is lower-case letters, digits, "_" or "-" (up to 64), ending in .yaml or .yml';

/** True when `name` is a rule file name the service loads, serves and lets an admin edit. */
export function isRuleFileName(name: string): boolean {
  return RULE_FILE_NAME.test(name);
}

/** True for a file a rules folder holds that looks like YAML but is not named like a rule file. */
export function isMisnamedRuleFile(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.') && !isRuleFileName(name);
}

/** The one definition of a category id, in two parts: a family (`pdp`) and a name that may hold hyphens (`home-address`). */
const FAMILY = '[a-z]+';
const NAME = '[a-z]+(?:-[a-z]+)*';
const CATEGORY_BODY = `${FAMILY}\\.${NAME}`;

/** A category: `family.name` (lower-case, the name may hold hyphens: `pdp.home-address`). */
export const CATEGORY = new RegExp(`^${CATEGORY_BODY}$`);
/** What a reader may give as a report's reason: a category, or "other". */
export const REPORT_REASON = new RegExp(`^(?:other|${CATEGORY_BODY})$`);
/** A category or a whole family (`kasar`), as a site policy names them. */
export const CATEGORY_OR_FAMILY = new RegExp(`^${FAMILY}(?:\\.${NAME})?$`);
