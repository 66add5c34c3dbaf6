/**
 * What a backup of the embedded set-up holds, in one directory:
 *
 * - `database.pgdump`: `pg_dump -Fc` (compressed, one consistent snapshot) of the embedded
 *   cluster's `postgres` database, which holds every FerretDB database as a schema;
 * - `uploads.tar.gz`: local media (DATA_DIR/uploads, without half-written `.tmp` files), archived
 *   after the dump, so every attachment the dump refers to is in it (uploads are written before
 *   a ticket refers to them and never changed afterwards);
 * - `dev-secrets.json`, `demo-credentials.txt` when present: without the data key in
 *   dev-secrets.json (or DATA_KEY in production, kept by the operator) the encrypted personal
 *   data cannot be read;
 * - `manifest.json`: the format, when, which PostgreSQL, and each file's size and SHA-256.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findPostgres } from '../db/embedded-server';

export const SNAPSHOT_FORMAT = 'mashang-backup/1';
export const DATABASE_FILE = 'database.pgdump';
export const UPLOADS_FILE = 'uploads.tar.gz';
/** Small files of DATA_DIR copied as they are. */
export const KEPT_FILES = ['dev-secrets.json', 'demo-credentials.txt'] as const;

export interface Manifest {
  format: typeof SNAPSHOT_FORMAT;
  createdAt: string;
  engine: 'postgresql';
  postgresMajor: number;
  files: Record<string, { bytes: number; sha256: string }>;
}

export function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function describeFile(file: string): Promise<{ bytes: number; sha256: string }> {
  return { bytes: statSync(file).size, sha256: await sha256(file) };
}

/** Runs a command; rejects with its stderr when it fails. The environment is only what it needs. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, LANG: 'C', ...env } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${err.trim()}`))));
  });
}

/** PostgreSQL's client tools from the same bin dir as the cluster's server (pg_dump must not be older than the server). */
export function postgresTools(): { bin: string; major: number } {
  const pg = findPostgres();
  if (!pg) throw new Error('PostgreSQL is not installed (set POSTGRES_BIN_DIR): backup and restore use its pg_dump and pg_restore');
  for (const tool of ['pg_dump', 'pg_restore']) {
    if (!existsSync(path.join(pg.bin, tool))) throw new Error(`${tool} is missing from ${pg.bin} (Debian: postgresql-client-${pg.major})`);
  }
  return pg;
}

/** Connection of the client tools to the embedded cluster: loopback, its port, its generated password (given through the environment, not the command line). */
export function clientArgs(port: number, user: string): string[] {
  return ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-w'];
}

export const clientEnv = (password: string): NodeJS.ProcessEnv => ({ PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' });

/** The line an operator of a MongoDB deployment is given instead. */
export const MONGODB_ADVICE =
  'MONGODB_URI is set: back up MongoDB with its own tools (see README "Operating it"): ' +
  'mongodump --uri="$MONGODB_URI" --gzip --archive=mashang-$(date +%F).archive, restore with mongorestore --uri=… --gzip --archive=… --drop';
