import type { CommentDoc } from '../store/models';
import { isUrgentCategory } from './urgent-categories';

/**
 * True when reader reports take a published comment off the site at once:
 * the site's report threshold is reached, or one report names an urgent
 * class. Only a comment the engine published is withdrawn automatically; one
 * a moderator approved stays up (its new reports still put it in the
 * reported queue for another look).
 */
export function shouldWithdraw(comment: Pick<CommentDoc, 'status' | 'decision'>, reportCount: number, reason: string, threshold: number): boolean {
  if (comment.status !== 'approved') return false;
  if (comment.decision?.decidedBy && comment.decision.decidedBy !== 'saring') return false;
  return isUrgentCategory(reason) || reportCount >= threshold;
}
