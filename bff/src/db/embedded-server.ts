/**
 * The embedded database: a real MongoDB wire-protocol server (FerretDB v1, SQLite backend)
 * built from the Go module proxy into the git-ignored `.tools/` folder and started on a free
 * loopback port. Used when MONGODB_URI is not set, and by the test run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ensureFerretDB } from './ferretdb-build';
import net from 'node:net';
import path from 'node:path';

export { PROJECT_ROOT } from './ferretdb-build';

export interface EmbeddedServer {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

type Log = (msg: string) => void;

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
