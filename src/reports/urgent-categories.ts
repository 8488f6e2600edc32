/**
 * The urgent classes of Permenkominfo 5/2020 (take-down within 4 hours instead
 * of 24), mapped onto Saring's rule categories. A rule filter cannot tell a
 * child from an adult or a terrorist from a braggart, so the mapping is wide on
 * purpose: one reader report in these categories withdraws a comment at once
 * and a person decides within the short deadline.
 *
 * | urgent class (Permenkominfo 5/2020) | categories |
 * | --- | --- |
 * | child sexual content | `susila.*` (explicit content, solicitation) |
 * | terrorism, threats to life | `ancaman.violence`, `bahaya.*` (content dangerous to life, self-harm) |
 * | content that unsettles the public | `hoaks.riot` (mobilisation claims, riots) |
 */
export const urgentCategoryPrefixes: readonly string[] = ['susila.', 'bahaya.', 'hoaks.riot', 'ancaman.violence'];

/** True when `category` (a rule category id such as `susila.explicit`) is an urgent class. */
export function isUrgentCategory(category: string | null | undefined): boolean {
  if (!category) return false;
  return urgentCategoryPrefixes.some((p) => (p.endsWith('.') ? category.startsWith(p) : category === p || category.startsWith(`${p}.`)));
}

/** True when any of the categories is urgent. */
export function anyUrgent(categories: Iterable<string | null | undefined>): boolean {
  for (const c of categories) if (isUrgentCategory(c)) return true;
  return false;
}
