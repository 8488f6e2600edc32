import { z } from 'zod';

const id = (max: number) => z.string().trim().min(1).max(max);

/** The body of `POST /v1/comments` (DESIGN.md). Unknown fields are refused. */
export function submitCommentSchema(maxTextLength: number) {
  return z.strictObject({
    externalId: id(200),
    articleId: id(200),
    articleUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    articleTitle: z.string().max(500).optional(),
    section: z.string().max(200).optional(),
    parentId: id(200).optional(),
    author: z.strictObject({ id: id(200), name: z.string().trim().min(1).max(200) }),
    text: z.string().min(1).max(maxTextLength, `must be at most ${maxTextLength} characters`),
    language: z.enum(['id', 'en']).optional(),
  });
}
export type SubmitCommentInput = z.infer<ReturnType<typeof submitCommentSchema>>;

/** The body of `POST /v1/moderate` (dry run). */
export function moderateSchema(maxTextLength: number) {
  return z.strictObject({
    text: z.string().min(1).max(maxTextLength, `must be at most ${maxTextLength} characters`),
    siteId: id(100).optional(),
    language: z.enum(['id', 'en']).optional(),
  });
}

/** Query of `GET /v1/comments`. */
export const listCommentsQuery = z.strictObject({
  status: z.enum(['approved', 'pending', 'rejected']).optional(),
  siteId: id(100).optional(),
  articleId: id(200).optional(),
  authorId: id(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
