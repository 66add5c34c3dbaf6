import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDb } from '../../bff/src/db/connection';

export interface TestDbOptions {
  /** The driver emits `commandStarted` on the connection's client (tests that count round trips). */
  monitorCommands?: boolean;
}

/** A fresh database per test file on the run's one server. */
export async function connectTestDb(label = 'test', options: TestDbOptions = {}): Promise<Connection> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run through jest (globalSetup starts the server)');
  const name = `t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  return connectDb(options.monitorCommands ? withUriOption(uri, 'monitorCommands', 'true') : uri, name);
}

/** The server's URI with one more connection-string option (the app's own connect code stays as it is). */
function withUriOption(uri: string, key: string, value: string): string {
  const url = new URL(uri);
  url.searchParams.set(key, value);
  return url.toString();
}

export async function dropTestDb(conn: Connection): Promise<void> {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}
