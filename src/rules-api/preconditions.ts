import { AppError } from '../errors';
import { etagOf } from './rule-files';

/** The conditional headers of a write, as sent. */
export interface WriteConditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** Splits an entity-tag list (`"a", W/"b"`) into its tags; `*` stays `*`. */
export function parseEtagList(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Checks RFC 9110 preconditions for a write against the current hash
 * (undefined when the file does not exist yet):
 * - neither header → 428 (an edit must say which version it replaces);
 * - `If-Match` compares strongly (weak tags never match), `*` needs an existing file;
 * - `If-None-Match: *` creates only when the file does not exist.
 * Any failed condition → 412.
 */
export function assertWritePreconditions(conditions: WriteConditions, currentHash: string | undefined): void {
  const { ifMatch, ifNoneMatch } = conditions;
  if (ifMatch === undefined && ifNoneMatch === undefined) {
    throw new AppError('precondition_required', 'Send If-Match with the ETag you read (or If-None-Match: * to create a new file).');
  }
  if (ifMatch !== undefined) {
    const tags = parseEtagList(ifMatch);
    const ok = currentHash !== undefined && (tags.includes('*') || tags.includes(etagOf(currentHash)));
    if (!ok) throw new AppError('precondition_failed', currentHash ? 'The file changed since you read it; GET it again and reapply your edit.' : 'The file does not exist; use If-None-Match: * to create it.');
  }
  if (ifNoneMatch !== undefined) {
    const tags = parseEtagList(ifNoneMatch).map((t) => t.replace(/^W\//, ''));
    const matches = currentHash !== undefined && (tags.includes('*') || tags.includes(etagOf(currentHash)));
    if (matches) throw new AppError('precondition_failed', 'The file already exists; send If-Match with its ETag to replace it.');
  }
}
