import { moderate } from '../../src/moderation';
import { readJsonl, shippedRuleset } from './shipped-rules';

interface PassRow {
  text: string;
}
interface CatchRow {
  text: string;
  category: string;
}

describe('must-pass and must-catch material (tests/fixtures)', () => {
  const ruleset = shippedRuleset();

  it.each(readJsonl<PassRow>('must-pass.jsonl').map((r) => [r.text]))('when %j is submitted, then it is approved with no reasons', (text) => {
    const decision = moderate(ruleset, text);
    expect(decision.reasons).toEqual([]);
    expect(decision.status).toBe('approved');
    expect(decision.maskedText).toBe(text);
  });

  it.each(readJsonl<CatchRow>('must-catch.jsonl').map((r) => [r.text, r.category]))('when %j is submitted, then it is caught as %s', (text, category) => {
    const decision = moderate(ruleset, text);
    expect(decision.reasons.map((r) => r.category)).toContain(category);
    expect(decision.action).not.toBe('approve');
  });
});
