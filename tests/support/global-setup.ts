import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../../bff/src/db/embedded-server';

declare global {
  // eslint-disable-next-line no-var
  var __EMBEDDED_DB__: EmbeddedServer | undefined;
}

/** One database server for the whole run: MONGODB_URI if given, else the embedded default (EMBEDDED_DB) in a temp dir. */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mashang-test-db-'));
  // A throw-away database: PostgreSQL without fsync (the product and the bench run durable).
  const server = await startEmbeddedServer(dir, (m) => process.stderr.write(`${m}\n`), { durable: false });
  globalThis.__EMBEDDED_DB__ = server;
  process.env.TEST_MONGODB_URI = server.uri;
  process.env.TEST_DB_DIR = dir;
}
