import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { RulesetIssue } from '../moderation/errors';

/** A parsed YAML file that can tell the line of any value by its path. */
export interface ParsedYaml {
  name: string;
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** Bounds on the shape of one YAML file; past them it is refused before (or instead of) being expanded. */
export interface YamlLimits {
  /** Deepest nesting of `[`/`{` flow collections and indented blocks. */
  maxDepth: number;
  /** Most alias expansions (`*a`) when the document becomes data (an alias bomb stops here). */
  maxAliases: number;
}

export const defaultYamlLimits: YamlLimits = { maxDepth: 32, maxAliases: 100 };

/**
 * The deepest flow nesting (`[[[[…`) and the line where it first passes `max`, found by a
 * scan that skips quoted strings and comments: the YAML parser and `toJS` recurse per level,
 * so a deep file would overflow the stack instead of giving an issue.
 */
export function flowDepthPastLimit(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (quote !== undefined) {
      if (c === quote && !(quote === '"' && text[i - 1] === '\\')) quote = undefined;
    } else if (c === '"' || (c === "'" && /[\s[{,:-]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    else if (c === '[' || c === '{') {
      if (++depth > max) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

function firstAliasLine(doc: Document, counter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * Parses YAML keeping positions. Syntax errors, and files past the depth or alias limits,
 * are returned as issues with their line.
 */
export function parseYamlWithLines(name: string, text: string, limits: YamlLimits = defaultYamlLimits): { parsed?: ParsedYaml; issues: RulesetIssue[] } {
  const deepAt = flowDepthPastLimit(text, limits.maxDepth);
  if (deepAt !== undefined) return { issues: [{ file: name, line: deepAt, message: `YAML: nested deeper than ${limits.maxDepth} levels (limit maxDepth)` }] };
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  } catch (err) {
    return { issues: [{ file: name, message: `YAML: could not be parsed (${(err as Error).message.split('\n')[0]}); nested too deeply?` }] };
  }
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (err) {
    // "Excessive alias count" (an alias bomb) or a stack overflow on deep block nesting
    const alias = /alias/i.test((err as Error).message);
    const message = alias ? `YAML: aliases expand to too much data (limit maxAliases ${limits.maxAliases})` : `YAML: nested deeper than this service reads (limit maxDepth ${limits.maxDepth})`;
    return { issues: [{ file: name, line: alias ? firstAliasLine(doc, counter) : undefined, message }] };
  }
  return { parsed: { name, data, lineOf }, issues: [] };
}
