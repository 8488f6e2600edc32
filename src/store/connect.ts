import mongoose, { type Connection } from 'mongoose';
import type { Document } from 'mongodb';
import { BatchFinder } from './batch-find';
import { BatchInserter } from './batch-insert';
import { createModels, initModels, type Models } from './models';

export interface Store {
  conn: Connection;
  models: Models;
  /** True when the driver currently has a usable connection. */
  isUp(): boolean;
  /** Pings the server; false when it does not answer within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** Inserts one document with group commit (see BatchInserter); rejects with code 11000 on a duplicate. */
  insertBatched(collection: string, doc: Document): Promise<void>;
  /** Reads one document by `_id`, batched with concurrent reads of the same collection (see BatchFinder). */
  findByIdBatched(collection: string, id: string): Promise<Document | null>;
}

/**
 * Connects with fail-fast settings (no command buffering, short server
 * selection) so a store outage turns into 503s instead of hung requests.
 */
export async function connectStore(url: string, opts: { dbName?: string } = {}): Promise<Store> {
  const conn = mongoose.createConnection(url, {
    dbName: opts.dbName,
    bufferCommands: false,
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
    socketTimeoutMS: 10_000,
    maxPoolSize: 20,
    autoIndex: true,
    autoCreate: true,
  });
  await conn.asPromise();
  const models = createModels(conn);
  await initModels(models);
  const inserters = new Map<string, BatchInserter>();
  const finders = new Map<string, BatchFinder>();
  const native = (collection: string) => () => conn.getClient().db(conn.name).collection(collection);
  return {
    conn,
    models,
    isUp: () => conn.readyState === mongoose.ConnectionStates.connected,
    async ping(timeoutMs = 1000) {
      const db = conn.db;
      if (!db) return false;
      const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      const ping = db.command({ ping: 1 }).then(() => true, () => false);
      return Promise.race([ping, timeout]);
    },
    close: () => conn.close(),
    insertBatched(collection, doc) {
      let inserter = inserters.get(collection);
      if (!inserter) inserters.set(collection, (inserter = new BatchInserter(native(collection))));
      return inserter.insert(doc);
    },
    findByIdBatched(collection, id) {
      let finder = finders.get(collection);
      if (!finder) finders.set(collection, (finder = new BatchFinder(native(collection))));
      return finder.findById(id);
    },
  };
}
