/** One-line excerpts of comments for terminal reports. */

const BEFORE = 45;
const AFTER = 75;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * The text on one line with `[start, end)` marked «like this», cut to about 120 characters
 * around the mark (… where cut). Without a mark, the first 120 characters.
 */
export function formatSnippet(text: string, start?: number, end?: number): string {
  if (start === undefined || end === undefined || end <= start) {
    const line = oneLine(text);
    return line.length > BEFORE + AFTER ? `${line.slice(0, BEFORE + AFTER)}…` : line;
  }
  const from = Math.max(0, start - BEFORE);
  const to = Math.min(text.length, end + AFTER);
  const head = (from > 0 ? '…' : '') + oneLine(text.slice(from, start));
  const tail = oneLine(text.slice(end, to)) + (to < text.length ? '…' : '');
  return `${head}«${oneLine(text.slice(start, end))}»${tail}`;
}
