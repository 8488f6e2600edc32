import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INTAKE_REASONS } from '../../src/comments/intake/intake-reasons';
import { CATEGORY, CATEGORY_OR_FAMILY } from '../../src/rules/names';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The README table under "Besides the rule files": one row per intake reason, by ruleId. */
function documentedRows(): Map<string, string[]> {
  const section = README.slice(README.indexOf('Besides the rule files'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n').slice(0, 12)) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length > 4 && cells[1] && !cells[1].startsWith('-') && cells[1] !== 'ruleId') rows.set(cells[1], cells.slice(2));
  }
  return rows;
}

describe('intake reasons are documented', () => {
  it.each(Object.values(INTAKE_REASONS))('when intake can add $ruleId, then the README lists it with its category and action', ({ ruleId, category, action }) => {
    expect(documentedRows().get(ruleId)?.slice(0, 2)).toEqual([category, action]);
  });

  it.each(Object.values(INTAKE_REASONS))('when intake can add $ruleId, then its category is one a site policy can name', ({ category }) => {
    expect(category).toMatch(CATEGORY);
    expect(category).toMatch(CATEGORY_OR_FAMILY);
  });
});
