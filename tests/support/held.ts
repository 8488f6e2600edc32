import { aComment } from './app';

/** A comment the shipped rules hold for review (status `pending`). */
export function aHeldComment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return aComment({ text: 'awas lu gue habisi nanti malam', ...overrides });
}
