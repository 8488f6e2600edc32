import { RulesetError } from '../moderation/errors';
import type { RuleFileSource } from './compile';
import { compileServableRuleset } from './servable';

/**
 * Compiles `sources` with file `name` replaced by `text` (or removed when `text` is null).
 * Returns the problems, or null when the result is a valid ruleset.
 */
export function validateCandidateSources(sources: ReadonlyArray<RuleFileSource>, name: string, text: string | null): RulesetError | null {
  const next = sources.filter((s) => s.name !== name);
  if (text !== null) next.push({ name, text });
  try {
    compileServableRuleset(next, 'rules');
    return null;
  } catch (err) {
    if (err instanceof RulesetError) return err;
    return new RulesetError([{ file: name, message: (err as Error).message }]);
  }
}
