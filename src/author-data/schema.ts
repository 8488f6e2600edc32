import { z } from 'zod';

/** The body of `POST /v1/sites/:id/authors/:authorId/erase`: why, and the request it answers. */
export const eraseSchema = z.strictObject({
  /** Kept in the audit trail: must not name the author. */
  reason: z.string().trim().min(1).max(500),
  /** The data-subject or lawful request this answers (a ticket or letter number). */
  requestRef: z.string().trim().min(1).max(200).optional(),
});
export type EraseInput = z.infer<typeof eraseSchema>;

/** `GET …/export?reason=&requestRef=`: both optional, both kept in the audit entry. */
export const exportQuery = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
  requestRef: z.string().trim().min(1).max(200).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

/** Where author data requests come from. */
export const DATA_REQUEST_BASIS = {
  export: 'Permenkominfo 5/2020 Pasal 11, 26–27 (data pengunggah atas permintaan yang sah, 5 hari kalender); UU PDP Pasal 30–32 (akses dan pembetulan, 3 × 24 jam)',
  erase: 'UU PDP Pasal 40–43 (penghapusan data pribadi, 3 × 24 jam)',
} as const;
