/**
 * Plain-data types shared by the moderation engine and its callers.
 * The engine is pure: text in, decision out, no I/O.
 */

/** What a matched rule asks for, strongest first: reject > review > mask > flag. */
export type Action = 'reject' | 'review' | 'mask' | 'flag';

/** The comment status a decision leads to. */
export type CommentStatus = 'approved' | 'pending' | 'rejected';

/** A half-open range `[start, end)` of UTF-16 offsets into the ORIGINAL text. */
export interface Span {
  start: number;
  end: number;
  /** `originalText.slice(start, end)` */
  text: string;
}

/** One explained reason for a decision. */
export interface Reason {
  ruleId: string;
  category: string;
  legalBasis: string;
  action: Action;
  /** Message in the requested language (Indonesian by default). */
  message: string;
  severity: number;
  spans: Span[];
}

/** The engine's answer for one text. */
export interface Decision {
  status: CommentStatus;
  /** Strongest action among the reasons, or `approve` when there is none. */
  action: Action | 'approve';
  reasons: Reason[];
  /** The text with only the spans of `mask` (and stronger) reasons masked. */
  maskedText: string;
  rulesetVersion: string;
}

/** Per-site policy that can raise or lower actions. */
export interface SitePolicy {
  /** lenient lowers one step (never below flag), strict raises one step (never above reject). */
  strictness?: 'lenient' | 'standard' | 'strict';
  /** Explicit action per category id (wins over strictness); `approve` silences a category. */
  categoryActions?: Record<string, Action | 'approve'>;
}

export interface ModerationContext {
  /** `id`, `en`, or undefined for auto-detection. */
  language?: string;
  /** Language of reason messages, `id` by default. */
  messageLanguage?: 'id' | 'en';
  policy?: SitePolicy;
  /**
   * The instant of the decision: each reason cites the legal basis in force then.
   * Absent: the latest (open-ended) basis. Callers pass their clock; the engine reads none.
   */
  at?: Date;
}
