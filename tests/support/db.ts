import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDb } from '../../bff/src/db/connection';

/** A fresh database per test file on the run's one server. */
export async function connectTestDb(label = 'test'): Promise<Connection> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run through jest (globalSetup starts the server)');
  const name = `t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  return connectDb(uri, name);
}

export async function dropTestDb(conn: Connection): Promise<void> {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}
