import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

/** The URL of the real store started in global setup (or MONGO_URL). */
export function testMongoUrl(): string {
  const url = process.env.SARING_TEST_MONGO_URL;
  if (!url) throw new Error('SARING_TEST_MONGO_URL is not set: run the tests through jest (global setup starts the store)');
  return url;
}

/** A fresh connection to a database of its own, for one test file. */
export async function connectTestDb(label = 'test'): Promise<mongoose.Connection> {
  const dbName = `saring_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const conn = mongoose.createConnection(testMongoUrl(), { dbName, serverSelectionTimeoutMS: 5000 });
  await conn.asPromise();
  return conn;
}

/**
 * Closes a test file's connection. Its database is left in place, as every test database
 * is: the shared store's data dir goes as a whole in global teardown. Dropping them during
 * the run crashed the store (SIGBUS in SQLite's WAL index, FerretDB's SQLite backend):
 * a drop unlinks the database file while a connection may still be open on it, and when
 * anything wrote to that database name again the new file's WAL index was set up over the
 * old one's while it was still mapped. Unique names per file keep tests apart without it.
 */
export async function closeTestDb(conn: mongoose.Connection): Promise<void> {
  await conn.close();
}
