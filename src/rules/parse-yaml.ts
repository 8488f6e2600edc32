import { LineCounter, parseDocument, type Document } from 'yaml';
import type { RulesetIssue } from '../moderation/errors';

/** A parsed YAML file that can tell the line of any value by its path. */
export interface ParsedYaml {
  name: string;
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/**
 * Parses YAML keeping positions. Syntax errors are returned as issues with their line.
 */
export function parseYamlWithLines(name: string, text: string): { parsed?: ParsedYaml; issues: RulesetIssue[] } {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({ file: name, line: e.linePos?.[0]?.line, message: `YAML: ${e.message.split('\n')[0] ?? e.code}` })),
    };
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    for (let len = path.length; len >= 0; len--) {
      const node = doc.getIn(path.slice(0, len), true) as { range?: [number, number, number] } | undefined;
      if (node?.range !== undefined) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { parsed: { name, data: doc.toJS({ maxAliasCount: 100 }), lineOf }, issues: [] };
}
