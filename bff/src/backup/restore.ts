/** `npm run restore -- <dir>`: a backup (backup.ts) brought back into an empty DATA_DIR. */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedPostgresPaths, startEmbeddedPostgres } from '../db/embedded-server';
import { DATABASE_FILE, KEPT_FILES, SNAPSHOT_FORMAT, UPLOADS_FILE, clientArgs, clientEnv, sha256, postgresTools, run, type Manifest } from './snapshot';

type Log = (msg: string) => void;

/** The manifest, with every file it lists present and unchanged. */
async function verified(dir: string): Promise<Manifest> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dir} holds no manifest.json: not a backup made by npm run backup`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== SNAPSHOT_FORMAT) throw new Error(`unknown backup format ${String(manifest.format)} (expected ${SNAPSHOT_FORMAT})`);
  for (const [name, expected] of Object.entries(manifest.files)) {
    const p = path.join(dir, name);
    if (!existsSync(p)) throw new Error(`${name} is missing from the backup`);
    if ((await sha256(p)) !== expected.sha256) throw new Error(`${name} does not match its checksum in manifest.json: the backup is damaged`);
  }
  return manifest;
}

export async function restore(source: string, dataDir: string, log: Log = () => {}): Promise<Manifest> {
  const dir = path.resolve(source);
  const root = path.resolve(dataDir);
  if (existsSync(root) && readdirSync(root).length > 0) throw new Error(`DATA_DIR ${root} is not empty: restore only into a new or empty directory`);
  const manifest = await verified(dir);
  const pg = postgresTools();
  if (pg.major < manifest.postgresMajor) throw new Error(`the backup comes from PostgreSQL ${manifest.postgresMajor}; ${pg.bin} is ${pg.major}: install ${manifest.postgresMajor} or newer`);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  // A new cluster (new generated password), then the dump into it, all or nothing.
  const server = await startEmbeddedPostgres(root, log);
  try {
    const { user } = embeddedPostgresPaths(root);
    await run(
      path.join(pg.bin, 'pg_restore'),
      [...clientArgs(server.port, user), '-d', 'postgres', '--no-owner', '--exit-on-error', '--single-transaction', path.join(dir, DATABASE_FILE)],
      clientEnv(server.password),
    );
  } finally {
    await server.stop();
  }
  if (manifest.files[UPLOADS_FILE]) await run('tar', ['-xzf', path.join(dir, UPLOADS_FILE), '-C', root]);
  for (const name of KEPT_FILES) {
    if (!manifest.files[name]) continue;
    copyFileSync(path.join(dir, name), path.join(root, name));
    chmodSync(path.join(root, name), 0o600);
  }
  return manifest;
}
