import type { Action, SitePolicy } from '../../moderation/types';
import type { SiteDoc } from '../../store/models';
import type { IntakeContext, MessageLanguage, PhaseResult } from './context';

/** The site policy in the engine's terms (the stored list of category actions as a map). */
export function enginePolicy(site: Pick<SiteDoc, 'policy'> | undefined): SitePolicy | undefined {
  if (!site?.policy) return undefined;
  const categoryActions: NonNullable<SitePolicy['categoryActions']> = {};
  for (const { category, action } of site.policy.categoryActions ?? []) {
    if (category && action) categoryActions[category] = action as Action | 'approve';
  }
  return { strictness: site.policy.strictness ?? 'standard', categoryActions };
}

/** The language a site's reasons are written in (`policy.messageLanguage`, Indonesian by default). */
export function messageLanguageOf(site: Pick<SiteDoc, 'policy'> | undefined): MessageLanguage {
  return site?.policy?.messageLanguage === 'en' ? 'en' : 'id';
}

/** A site that pre-moderates holds every comment, also a clean one, for a person to publish. */
export function preModeration(ctx: Pick<IntakeContext, 'site'>): PhaseResult | undefined {
  return ctx.site.policy?.preModeration ? { hold: true } : undefined;
}
