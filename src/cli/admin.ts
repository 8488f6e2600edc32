import { parseArgs } from 'node:util';
import { createPrincipalToken, createSiteWithToken as createSite } from '../sites/manage-sites';
import { connectStore, type Store } from '../store/connect';
import type { CommandIo } from './cli-io';

/**
 * `saring sites create` and `saring tokens create`: admin work straight
 * against a store (MONGO_URL or --mongo), for bootstrapping before any admin
 * token exists. Each new token is printed once, alone on stdout.
 */

export const adminHelp = `saring sites create --id ID --name NAME [--webhook URL] [--mongo URL] [--db NAME] [--json]
saring tokens create --role moderator|admin|site|legal [--sites a,b] [--name NAME] [--mongo URL] [--db NAME] [--json]

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
  return createSite(store.models, 'cli', { id: input.id, name: input.name.trim(), webhookUrl: input.webhookUrl });
}

/** Creates a token for a role and sites (which must exist); same rules as `POST /v1/principals`. */
export async function createToken(store: Store, input: { role: string; siteIds: string[]; name?: string }) {
  const role = input.role;
  if (role !== 'site' && role !== 'moderator' && role !== 'admin' && role !== 'legal') throw new UsageError('--role must be site, moderator, admin or legal');
  if (role !== 'admin' && input.siteIds.length === 0) throw new UsageError('--sites is required for a site, moderator or legal token');
  return createPrincipalToken(store.models, 'cli', { role, siteIds: input.siteIds, name: input.name });
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
