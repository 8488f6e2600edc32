/** One problem found while loading a ruleset. */
export interface RulesetIssue {
  /** Rule file name, e.g. `kasar.yaml`. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  ruleId?: string;
  message: string;
}

/**
 * Thrown when a ruleset cannot be used. Lists every problem found, not just the first,
 * so an admin can fix a file in one go.
 */
export class RulesetError extends Error {
  readonly code = 'RULESET_INVALID';

  constructor(readonly issues: RulesetIssue[]) {
    super(RulesetError.summarize(issues));
    this.name = 'RulesetError';
  }

  /** `file:line [ruleId] message` for each issue, one per line. */
  static summarize(issues: RulesetIssue[]): string {
    const lines = issues.map((i) => `${i.file}${i.line !== undefined ? `:${i.line}` : ''}${i.ruleId !== undefined ? ` [${i.ruleId}]` : ''} ${i.message}`);
    return `ruleset refused (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  }
}
