import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { issueToken } from '../auth/tokens';
import { connectStore, type Store } from '../store/connect';
import { isDuplicateKey } from '../store/errors';
import type { CommandIo } from './cli-io';

/**
 * `saring sites create` and `saring tokens create`: admin work straight
 * against a store (MONGO_URL or --mongo), for bootstrapping before any admin
 * token exists. Each new token is printed once, alone on stdout.
 */

export const adminHelp = `saring sites create --id ID --name NAME [--webhook URL] [--mongo URL] [--db NAME] [--json]
saring tokens create --role moderator|admin|site [--sites a,b] [--name NAME] [--mongo URL] [--db NAME] [--json]

Creates a site (with its API key) or a token directly in the store named by
--mongo or MONGO_URL (the same store the service uses). The token is printed
once on stdout; --json prints the whole record instead.
`;

const siteIdPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A refused command line: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const common = { mongo: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

async function withStore<T>(url: string | undefined, dbName: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  if (!url) throw new UsageError('no store: pass --mongo URL or set MONGO_URL (e.g. the URL printed by `saring db`)');
  const store = await connectStore(url, dbName ? { dbName } : {});
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Creates a site and its site token; returns what the API's `POST /v1/sites` returns. */
export async function createSiteWithToken(store: Store, input: { id: string; name: string; webhookUrl?: string }) {
  if (!siteIdPattern.test(input.id)) throw new UsageError('--id: lowercase letters, digits and dashes, 2–63 characters');
  if (!input.name.trim()) throw new UsageError('--name is required');
  const { Site, Principal, Audit } = store.models;
  const webhookSecret = input.webhookUrl ? randomBytes(24).toString('base64url') : undefined;
  try {
    await Site.create({ _id: input.id, name: input.name.trim(), webhookUrl: input.webhookUrl, webhookSecret, policy: {} });
  } catch (err) {
    if (isDuplicateKey(err)) throw new UsageError(`site ${input.id} already exists`);
    throw err;
  }
  const issued = issueToken();
  await Principal.create({ _id: issued.id, tokenHash: issued.tokenHash, role: 'site', siteIds: [input.id], name: `${input.id} backend` });
  await Audit.create({ actor: 'cli', action: 'site.create', target: `site:${input.id}`, siteId: input.id, after: { name: input.name, webhookUrl: input.webhookUrl } });
  return { id: input.id, name: input.name.trim(), webhookUrl: input.webhookUrl, webhookSecret, token: issued.token, tokenId: issued.id };
}

/** Creates a token for a role and sites (which must exist); same rules as `POST /v1/principals`. */
export async function createToken(store: Store, input: { role: string; siteIds: string[]; name?: string }) {
  const role = input.role;
  if (role !== 'site' && role !== 'moderator' && role !== 'admin') throw new UsageError('--role must be site, moderator or admin');
  if (role !== 'admin' && input.siteIds.length === 0) throw new UsageError('--sites is required for a site or moderator token');
  if (role === 'site' && input.siteIds.length !== 1) throw new UsageError('a site token speaks for exactly one site');
  const { Site, Principal, Audit } = store.models;
  const known = await Site.find({ _id: { $in: input.siteIds } }, { _id: 1 }).lean();
  const missing = input.siteIds.filter((s) => !known.some((k) => k._id === s));
  if (missing.length) throw new UsageError(`no such site: ${missing.join(', ')} (create it with saring sites create)`);
  const issued = issueToken();
  await Principal.create({ _id: issued.id, tokenHash: issued.tokenHash, role, siteIds: input.siteIds, name: input.name });
  await Audit.create({ actor: 'cli', action: 'principal.create', target: `principal:${issued.id}`, after: { role, siteIds: input.siteIds, name: input.name } });
  return { id: issued.id, role, siteIds: input.siteIds, name: input.name, token: issued.token };
}

function print(io: CommandIo, json: boolean | undefined, record: { token: string }, summary: string): void {
  io.stdout.write(json ? `${JSON.stringify(record)}\n` : `${record.token}\n`);
  io.stderr.write(`${summary}; the token above is shown only once\n`);
}

/** `saring sites create …` */
export async function runSitesCreate(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, id: { type: 'string' }, name: { type: 'string' }, webhook: { type: 'string' } }, strict: true });
  if (values.help) {
    io.stdout.write(adminHelp);
    return 0;
  }
  if (!values.id || !values.name) throw new UsageError('saring sites create needs --id and --name');
  const site = await withStore(values.mongo ?? process.env.MONGO_URL, values.db, (store) => createSiteWithToken(store, { id: values.id!, name: values.name!, webhookUrl: values.webhook }));
  print(io, values.json, site, `created site ${site.id}${site.webhookSecret ? ` (webhook secret: ${site.webhookSecret})` : ''}`);
  return 0;
}

/** `saring tokens create …` */
export async function runTokensCreate(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, role: { type: 'string' }, sites: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (values.help) {
    io.stdout.write(adminHelp);
    return 0;
  }
  if (!values.role) throw new UsageError('saring tokens create needs --role');
  const siteIds = (values.sites ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const token = await withStore(values.mongo ?? process.env.MONGO_URL, values.db, (store) => createToken(store, { role: values.role!, siteIds, name: values.name }));
  print(io, values.json, token, `created ${token.role} token ${token.id}${siteIds.length ? ` for ${siteIds.join(', ')}` : ''}`);
  return 0;
}
