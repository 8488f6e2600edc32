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

/** Drops the database and closes the connection. */
export async function dropTestDb(conn: mongoose.Connection): Promise<void> {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}
