/**
 * How a labelled row counts as caught, and the scores of a labelled set:
 * precision, recall, F1 and the false-positive rate. Pure; used by `npm run eval`.
 */

/** Reason families that count as catching an abusive or offensive comment. */
export const ABUSE_FAMILIES = ['kasar', 'sara', 'susila', 'ancaman', 'fitnah', 'peras'] as const;

/** A way of counting a row as caught from the categories of its reasons. */
export interface CatchRule {
  name: string;
  caught(categories: readonly string[]): boolean;
}

/** True when `category` is `family` itself or one of its categories (`kasar` ⊃ `kasar.directed`). */
export const inFamily = (family: string, category: string): boolean => category === family || category.startsWith(`${family}.`);
const inFamilies = (families: readonly string[], category: string): boolean => families.some((f) => inFamily(f, category));

/** Abuse: any reason in the abuse families, whatever its action. */
export const abuseCatch: CatchRule = { name: 'abuse families', caught: (cs) => cs.some((c) => inFamilies(ABUSE_FAMILIES, c)) };
/** Abuse without the exclamation category (anjir, buset), reported beside the full count. */
export const abuseWithoutInterjection: CatchRule = {
  name: 'without kasar.interjection',
  caught: (cs) => cs.some((c) => c !== 'kasar.interjection' && inFamilies(ABUSE_FAMILIES, c)),
};
/** Online gambling: any `judi.*` reason. */
export const judiCatch: CatchRule = { name: 'judi.*', caught: (cs) => cs.some((c) => inFamilies(['judi'], c)) };

/** The catch rules that apply to a label value (`judi` → gambling, anything else → abuse). */
export function catchRulesFor(label: string): CatchRule[] {
  return label === 'judi' ? [judiCatch] : [abuseCatch, abuseWithoutInterjection];
}

/** Confusion counts of one labelled set under one catch rule. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const emptyConfusion = (): Confusion => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** Adds one row: was it labelled positive, was it caught. */
export function addRow(c: Confusion, positive: boolean, caught: boolean): void {
  if (positive && caught) c.tp++;
  else if (positive) c.fn++;
  else if (caught) c.fp++;
  else c.tn++;
}

/** Precision, recall, F1 and false-positive rate (0 where undefined). */
export function scores(c: Confusion): { precision: number; recall: number; f1: number; fpr: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const fpr = c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn);
  return { precision, recall, f1, fpr };
}
