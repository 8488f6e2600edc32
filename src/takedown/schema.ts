import { z } from 'zod';

/** Most items one order may list, and most comments it may withdraw (one stored document). */
export const MAX_ITEMS = 500;
export const MAX_COMMENTS = 5000;

const articleUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** One thing the ministry orders down: a comment (by Saring id), or every comment on an article. */
const itemSchema = z
  .strictObject({
    commentId: z.string().trim().min(1).max(100).optional(),
    articleUrl: articleUrl.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((i) => (i.commentId === undefined) !== (i.articleUrl === undefined), { message: 'give either commentId or articleUrl', path: ['commentId'] });

/** The body of `POST /v1/takedown-orders`: an order as SAMAN delivered it. */
export const takedownOrderSchema = z.strictObject({
  orderNumber: z.string().trim().min(1).max(200),
  issuer: z.string().trim().min(1).max(200),
  /** When the order reached the newsroom (its 24 h / 4 h run from here); default: now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  urgent: z.boolean().default(false),
  items: z.array(itemSchema).min(1).max(MAX_ITEMS),
});
export type TakedownOrderInput = z.infer<typeof takedownOrderSchema>;
export type TakedownItemInput = TakedownOrderInput['items'][number];

/** The body of `POST /v1/takedown-orders/:id/warnings`: a warning letter (Pasal 15(10)). */
export const warningSchema = z.strictObject({
  letterNumber: z.string().trim().min(1).max(200).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type WarningInput = z.infer<typeof warningSchema>;

/** The body of `POST /v1/takedown-orders/:id/complete` (optional). */
export const completeSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

/** `GET /v1/takedown-orders?status=&siteId=&limit=`. */
export const listOrdersQuery = z.strictObject({
  status: z.enum(['open', 'overdue', 'completed']).optional(),
  siteId: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET …/evidence?format=json|html` (or `Accept: text/html`). */
export const evidenceQuery = z.strictObject({ format: z.enum(['json', 'html']).optional() });

export const orderParams = z.object({ id: z.string().min(1).max(100) });
