/**
 * The embedded database: a real MongoDB wire-protocol server (FerretDB v1, SQLite backend)
 * built from the Go module proxy into the git-ignored `.tools/` folder and started on a free
 * loopback port. Used when MONGODB_URI is not set, and by the test run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
export const FERRETDB_BIN = path.join(TOOLS_DIR, 'bin', 'ferretdb');

export interface EmbeddedServer {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

type Log = (msg: string) => void;

function builtVersion(): string | undefined {
  if (!existsSync(FERRETDB_BIN)) return undefined;
  const out = spawnSync(FERRETDB_BIN, ['--version'], { encoding: 'utf8' });
  return /version:\s*(\S+)/.exec(out.stdout ?? '')?.[1];
}

function run(cmd: string, args: string[], cwd: string): void {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stderr || res.stdout}`);
  }
}

/**
 * Builds FerretDB once (reused afterwards). The module's embedded version file is empty in
 * the proxy's zip (upstream generates it with `bin/task gen-version`), so the build vendors
 * the module and writes that one file before compiling.
 */
export function ensureFerretDB(log: Log = () => {}): string {
  if (builtVersion() === FERRETDB_VERSION) return FERRETDB_BIN;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error(
      'The embedded database needs Go to build FerretDB (https://go.dev/dl/). ' +
        'Install Go 1.21 or newer, or set MONGODB_URI to an existing MongoDB server.',
    );
  }
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (first run only, about a minute)…`);
  const work = path.join(TOOLS_DIR, 'ferretdb-build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'go.mod'), 'module ferretdb-build\n\ngo 1.22\n');
  writeFileSync(
    path.join(work, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport _ "${FERRETDB_MODULE}/cmd/ferretdb"\n`,
  );
  run('go', ['get', `${FERRETDB_MODULE}/cmd/ferretdb@${FERRETDB_VERSION}`], work);
  run('go', ['mod', 'vendor'], work);
  writeFileSync(path.join(work, 'vendor', FERRETDB_MODULE, 'build', 'version', 'version.txt'), FERRETDB_VERSION + '\n');
  const env = { ...process.env, CGO_ENABLED: '0' };
  const res = spawnSync(
    'go',
    ['build', '-mod=vendor', '-trimpath', '-o', FERRETDB_BIN, `${FERRETDB_MODULE}/cmd/ferretdb`],
    { cwd: work, encoding: 'utf8', env },
  );
  if (res.status !== 0) throw new Error(`building FerretDB failed:\n${res.stderr}`);
  rmSync(work, { recursive: true, force: true });
  log(`FerretDB ${FERRETDB_VERSION} built at ${path.relative(PROJECT_ROOT, FERRETDB_BIN)}`);
  return FERRETDB_BIN;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/**
 * The watchdog shell ends FerretDB when its parent (our Node process) disappears, even by
 * SIGKILL, so no database process outlives `npm start` or `npm test`.
 */
const WATCHDOG = [
  '"$0" "$@" & c=$!',
  // SQLite is crash-safe, so a server that does not stop within 2 s of SIGTERM is killed.
  'stop() { kill -TERM $c 2>/dev/null; for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $c 2>/dev/null || return 0; sleep 0.2; done; kill -KILL $c 2>/dev/null; }',
  "trap 'stop; exit 0' TERM INT HUP",
  'while kill -0 "$WATCH_PID" 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1 & wait $!; done',
  'stop',
].join('\n');

export async function startEmbeddedServer(dataDir: string, log: Log = () => {}): Promise<EmbeddedServer> {
  const bin = ensureFerretDB(log);
  const dbDir = path.resolve(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const port = await freePort();
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dbDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dbDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ];
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, bin, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WATCH_PID: String(process.pid) },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()).slice(-4000));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited during start:\n${stderr}`);
    if (Date.now() - started > 30_000) {
      child.kill('SIGTERM');
      throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop() {
      if (!stopped) {
        if (child.exitCode === null) child.kill('SIGTERM');
        stopped = exited;
      }
      return stopped;
    },
  };
}
