/** `npm run backup -- <dir>`: a consistent, compressed snapshot of what a city cannot lose (see snapshot.ts). */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedPostgresPaths, runningPostgresPort, startEmbeddedPostgres } from '../db/embedded-server';
import { DATABASE_FILE, KEPT_FILES, SNAPSHOT_FORMAT, UPLOADS_FILE, clientArgs, clientEnv, describeFile, postgresTools, run, type Manifest } from './snapshot';

type Log = (msg: string) => void;

function prepareTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: a backup goes into a new or empty directory`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** pg_dump of the running cluster (a BFF has it), or of the cluster started for the dump alone. */
async function dumpDatabase(dataDir: string, file: string, log: Log): Promise<number> {
  const pg = postgresTools();
  const { cluster, secretFile, user } = embeddedPostgresPaths(dataDir);
  if (!existsSync(path.join(cluster, 'PG_VERSION')) || !existsSync(secretFile)) throw new Error(`no embedded PostgreSQL cluster under ${cluster}`);
  const password = readFileSync(secretFile, 'utf8').trim();
  const running = await runningPostgresPort(dataDir);
  const started = running ? undefined : await startEmbeddedPostgres(dataDir, log);
  const port = running ?? started!.port;
  log(running ? `dumping the running cluster (port ${port})…` : `no BFF runs on ${dataDir}: started its PostgreSQL for the dump (port ${port})…`);
  try {
    // One transaction, one snapshot: every collection as of the same instant.
    await run(path.join(pg.bin, 'pg_dump'), [...clientArgs(port, user), '-d', 'postgres', '-Fc', '-Z', '6', '-f', file], clientEnv(password));
  } finally {
    await started?.stop();
  }
  return pg.major;
}

export async function backup(dataDir: string, target: string, log: Log = () => {}): Promise<Manifest> {
  const root = path.resolve(dataDir);
  const dir = path.resolve(target);
  prepareTarget(dir);
  const major = await dumpDatabase(root, path.join(dir, DATABASE_FILE), log);
  const written = [DATABASE_FILE];
  const uploads = path.join(root, 'uploads');
  if (existsSync(uploads)) {
    await run('tar', ['-czf', path.join(dir, UPLOADS_FILE), '-C', root, '--exclude=uploads/.tmp', 'uploads']);
    written.push(UPLOADS_FILE);
  }
  for (const name of KEPT_FILES) {
    if (!existsSync(path.join(root, name))) continue;
    copyFileSync(path.join(root, name), path.join(dir, name));
    chmodSync(path.join(dir, name), 0o600);
    written.push(name);
  }
  const files: Manifest['files'] = {};
  for (const name of written) files[name] = await describeFile(path.join(dir, name));
  const manifest: Manifest = { format: SNAPSHOT_FORMAT, createdAt: new Date().toISOString(), engine: 'postgresql', postgresMajor: major, files };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  if (!files['dev-secrets.json']) log('no dev-secrets.json in DATA_DIR: keep DATA_KEY (and JWT_SECRET) with this backup, or the personal data in it cannot be read');
  return manifest;
}
