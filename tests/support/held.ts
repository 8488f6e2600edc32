import { randomBytes } from 'node:crypto';
import { aComment } from './app';

/** A comment the shipped rules hold for review (status `pending`). */
export function aHeldComment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return aComment({ text: 'awas lu gue habisi nanti malam', ...overrides });
}

const words = ['banjir', 'jalan', 'pasar', 'sekolah', 'kereta', 'harga', 'hujan', 'kota', 'desa', 'warga'];

/**
 * An innocent comment the engine approves, with a text of its own: the same
 * text from one author again and again is held as spam, so tests that need
 * an approval must not repeat one.
 */
export function anInnocentComment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const pick = [...randomBytes(3)].map((b) => words[b % words.length]).join(' ');
  return aComment({ text: `Semoga urusan ${pick} cepat beres, terima kasih liputannya.`, ...overrides });
}
