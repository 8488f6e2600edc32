import type { RuleProvider } from '../deps';
import { AppError } from '../errors';
import type { RuleFileSummary } from '../moderation';
import { etagOf, readRuleFile, readRuleFiles } from './rule-files';

/** One file in the rules listing. */
export interface RuleFileEntry {
  name: string;
  categories: string[];
  ruleCount: number;
  termCount: number;
  hash: string;
  etag: string;
  size: number;
  /** False when the file on disk differs from what the serving ruleset was built from. */
  loaded: boolean;
}

/** The listing: every rule file and the serving ruleset's version. */
export interface RuleListing {
  rulesetVersion: string;
  ruleCount: number;
  termCount: number;
  files: RuleFileEntry[];
}

/**
 * Lists the rule files on disk with their ETags, next to what the serving
 * ruleset made of them (categories, rule and term counts).
 */
export async function listRuleFiles(dir: string, rules: RuleProvider): Promise<RuleListing> {
  const ruleset = rules.current();
  const summaries = new Map<string, RuleFileSummary>(ruleset.files.map((f) => [f.name, f]));
  const served = new Map((ruleset.sources ?? []).map((s) => [s.name, s.text]));
  const files = (await readRuleFiles(dir)).map((f) => {
    const summary = summaries.get(f.name);
    return {
      name: f.name,
      categories: summary?.categories ?? [],
      ruleCount: summary?.ruleCount ?? 0,
      termCount: summary?.termCount ?? 0,
      hash: f.hash,
      etag: etagOf(f.hash),
      size: Buffer.byteLength(f.content, 'utf8'),
      loaded: served.get(f.name) === f.content,
    };
  });
  return { rulesetVersion: ruleset.version, ruleCount: ruleset.ruleCount, termCount: ruleset.termCount, files };
}

/** One rule file with its hash and what the serving ruleset made of it; 404 when absent. */
export async function getRuleFile(dir: string, rules: RuleProvider, name: string) {
  const file = await readRuleFile(dir, name);
  if (!file) throw new AppError('not_found', `No rule file ${name}.`);
  const summary = rules.current().files.find((f) => f.name === name);
  return { name, content: file.content, hash: file.hash, etag: etagOf(file.hash), categories: summary?.categories ?? [], ruleCount: summary?.ruleCount ?? 0 };
}
