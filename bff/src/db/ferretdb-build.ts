/**
 * Builds the embedded database server: FerretDB v1.24.2 from the Go module proxy, with the
 * project's patches (`ferretdb-patches/*.patch`, applied in name order to the vendored module)
 * into the git-ignored `.tools/bin/`. The binary's version carries a digest of the patches, so
 * a changed patch rebuilds it and an unchanged one is reused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FERRETDB_UPSTREAM = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
export const FERRETDB_BIN = path.join(TOOLS_DIR, 'bin', 'ferretdb');
export const PATCH_DIR = path.join(__dirname, 'ferretdb-patches');

type Log = (msg: string) => void;

function patches(): string[] {
  if (!existsSync(PATCH_DIR)) return [];
  return readdirSync(PATCH_DIR)
    .filter((f) => f.endsWith('.patch'))
    .sort()
    .map((f) => path.join(PATCH_DIR, f));
}

/** `v1.24.2` as released, `v1.24.2-mashang.<digest>` with our patches. */
export function ferretdbVersion(): string {
  const files = patches();
  if (!files.length) return FERRETDB_UPSTREAM;
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.basename(f)).update('\0').update(readFileSync(f)).update('\0');
  return `${FERRETDB_UPSTREAM}-mashang.${hash.digest('hex').slice(0, 10)}`;
}

function builtVersion(): string | undefined {
  if (!existsSync(FERRETDB_BIN)) return undefined;
  const out = spawnSync(FERRETDB_BIN, ['--version'], { encoding: 'utf8' });
  return /version:\s*(\S+)/.exec(out.stdout ?? '')?.[1];
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, GOFLAGS: '-mod=mod' } });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stderr || res.stdout}`);
}

/**
 * Vendors FerretDB into `work` and applies the patches. The module's embedded version file is
 * empty in the proxy's zip (upstream generates it with `bin/task gen-version`), so it is written.
 */
export function prepareSource(work: string, version = ferretdbVersion()): string {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'go.mod'), 'module ferretdb-build\n\ngo 1.22\n');
  writeFileSync(path.join(work, 'tools.go'), `//go:build tools\n\npackage tools\n\nimport _ "${FERRETDB_MODULE}/cmd/ferretdb"\n`);
  run('go', ['get', `${FERRETDB_MODULE}/cmd/ferretdb@${FERRETDB_UPSTREAM}`], work);
  run('go', ['mod', 'vendor'], work);
  const src = path.join(work, 'vendor', FERRETDB_MODULE);
  writeFileSync(path.join(src, 'build', 'version', 'version.txt'), version + '\n');
  for (const p of patches()) run('patch', ['-p1', '--forward', '--batch', '-i', p], src);
  return src;
}

/** Builds FerretDB once (reused while the patches are unchanged). */
export function ensureFerretDB(log: Log = () => {}): string {
  const version = ferretdbVersion();
  if (builtVersion() === version) return FERRETDB_BIN;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error(
      'The embedded database needs Go to build FerretDB (https://go.dev/dl/). ' +
        'Install Go 1.21 or newer, or set MONGODB_URI to an existing MongoDB server.',
    );
  }
  log(`building FerretDB ${version} from the Go module proxy (first run only, about a minute)…`);
  // Each build in its own folder and the binary renamed into place: two builds at once (a test
  // run and `npm start`) neither mix their sources nor leave a half-written binary.
  const work = path.join(TOOLS_DIR, `ferretdb-build-${process.pid}`);
  const out = `${FERRETDB_BIN}.${process.pid}`;
  prepareSource(work, version);
  mkdirSync(path.dirname(FERRETDB_BIN), { recursive: true });
  const res = spawnSync('go', ['build', '-mod=vendor', '-trimpath', '-o', out, `${FERRETDB_MODULE}/cmd/ferretdb`], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  rmSync(work, { recursive: true, force: true });
  if (res.status !== 0) {
    rmSync(out, { force: true });
    throw new Error(`building FerretDB failed:\n${res.stderr}`);
  }
  renameSync(out, FERRETDB_BIN);
  log(`FerretDB ${version} built at ${path.relative(PROJECT_ROOT, FERRETDB_BIN)}`);
  return FERRETDB_BIN;
}
