import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { tokenId } from '../../../src/auth/tokens';
import { staticDir } from '../../../src/web/moderator-page';
import { existsSync } from 'node:fs';
import { ADMIN_TOKEN, createPrincipal, createSite, RULES_DIR } from '../../support/app';
import { aHeldComment } from '../../support/held';
import { startLiveInstance, type LiveInstance } from '../../support/live';

/** Who calls: no token, a garbage token, a revoked one, site, moderator and legal tokens of the target site or another, an admin. */
export const roles = ['none', 'bad', 'revoked', 'siteOwn', 'siteOther', 'modOwn', 'modOther', 'admin', 'legalOwn', 'legalOther'] as const;
export type Role = (typeof roles)[number];

/** False while the moderator page's files are not in the tree (its rows are then not run). */
export const moderatorPageShipped = existsSync(path.join(staticDir(), 'index.html'));

/** The target site (`own`) and another one, with a token per role. */
export interface MatrixFixture {
  live: LiveInstance;
  own: string;
  other: string;
  tokens: Record<Role, string | undefined>;
  /** A comment on the own site, approved by the rules. */
  commentId: string;
  /** A fresh comment on the own site that the rules hold (for a decision). */
  heldComment(): Promise<string>;
  /** A fresh moderator token id (for a revocation). */
  freshPrincipalId(): Promise<string>;
  /** A take-down order on the own site. */
  orderId: string;
  /** A fresh open take-down order on the own site (for a completion). */
  freshOrder(): Promise<string>;
  ruleFile: { name: string; content: string };
  close(): Promise<void>;
}

let seq = 0;

/** Starts a real instance (HTTP + stream) with two sites and every kind of token. */
export async function startMatrixFixture(): Promise<MatrixFixture> {
  const live = await startLiveInstance({ label: 'authz' });
  const own = 'authz-own';
  const other = 'authz-other';
  const siteOwn = (await createSite(live.app, own)).token;
  const siteOther = (await createSite(live.app, other)).token;
  const revoked = await createPrincipal(live.app, 'moderator', [own]);
  const revokedRes = await request(live.app).delete(`/v1/principals/${tokenId(revoked)}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  if (revokedRes.status !== 204) throw new Error(`revoke: ${revokedRes.status}`);
  const tokens: Record<Role, string | undefined> = {
    none: undefined,
    bad: 'not-a-saring-token',
    revoked,
    siteOwn,
    siteOther,
    modOwn: await createPrincipal(live.app, 'moderator', [own]),
    modOther: await createPrincipal(live.app, 'moderator', [other]),
    admin: await createPrincipal(live.app, 'admin', []),
    legalOwn: await createPrincipal(live.app, 'legal', [own]),
    legalOther: await createPrincipal(live.app, 'legal', [other]),
  };
  const commentId = (await live.submit(siteOwn, aHeldComment({ text: 'Semoga cepat selesai.' }))).id;
  const heldComment = async () => (await live.submit(siteOwn, aHeldComment({ author: { id: `held-${++seq}`, name: 'Pembaca' } }))).id;
  const freshOrder = async () => {
    const res = await request(live.app).post('/v1/takedown-orders').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ orderNumber: `FX-${++seq}`, issuer: 'Komdigi', items: [{ commentId: await heldComment() }] });
    if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const orderId = await freshOrder();
  const name = 'kasar.yaml';
  return {
    live,
    own,
    other,
    tokens,
    commentId,
    heldComment,
    orderId,
    freshOrder,
    freshPrincipalId: async () => tokenId(await createPrincipal(live.app, 'moderator', [own]))!,
    ruleFile: { name, content: readFileSync(path.join(RULES_DIR, name), 'utf8') },
    close: () => live.close(),
  };
}
