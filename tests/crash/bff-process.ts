/**
 * The BFF as a real separate process (`node --import tsx bff/src/server.ts`: one process, so
 * SIGKILL hits the server itself, not a launcher), on a database named in MONGODB_URI's path.
 * Used by the crash tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../bff/src/db/embedded-server';

export interface BffProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** Last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, open requests cut mid-flight. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** Resolves when the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BffOptions {
  /** `mongodb://host:port/` of the server; the database name is put in its path. Absent: the BFF starts its own embedded database under DATA_DIR. */
  serverUri?: string;
  dbName: string;
  env?: Record<string, string>;
  port?: number;
  /** Extra node flags (e.g. `--cpu-prof` to profile the BFF under a bench load). */
  nodeArgs?: string[];
}

/** Runs `body`; a failure carries the BFF processes' last output, which usually says why. */
export async function withBffOutput<T>(processes: () => Array<BffProcess | undefined>, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const out = processes().map((p, i) => `[${i}] ${p?.output() ?? '(not started)'}`).join('\n');
    throw new Error(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n--- BFF output ---\n${out}`);
  }
}

/** Sets the database of a `mongodb://hosts[/db][?opts]` URI. */
/** The run's one database server (started by jest's globalSetup). */
export function serverUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run through jest');
  return uri;
}

export function uriWithDb(uri: string, dbName: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!m) throw new Error(`not a MongoDB URI: ${uri}`);
  return `${m[1]}/${dbName}${m[2] ?? ''}`;
}

/** Fresh secrets for one run: the production config refuses to start without them. */
export const runSecrets = (): { JWT_SECRET: string; DATA_KEY: string } => ({
  JWT_SECRET: randomBytes(32).toString('hex'),
  DATA_KEY: randomBytes(32).toString('hex'),
});

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768+). Between our check and the child's listen,
 * a port the OS hands out for `listen(0)` elsewhere on this shared machine could be taken, and
 * our health check would then be answered by someone else's server; ports here are only ever
 * taken explicitly.
 */
async function freeLowPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port in 20000–31999');
}

async function waitHealthy(baseUrl: string, child: ChildProcess, out: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`BFF exited with ${child.exitCode} during start:\n${out()}`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`BFF not healthy within ${timeoutMs} ms:\n${out()}`);
}

export async function startBff(o: BffOptions): Promise<BffProcess> {
  const port = o.port ?? (await freeLowPort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(o.serverUri ? { MONGODB_URI: uriWithDb(o.serverUri, o.dbName) } : {}),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...o.env,
  };
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', path.join('bff', 'src', 'server.ts')], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      log += `\n[BFF pid ${child.pid} exited: code ${code}, signal ${signal}]`;
      resolve({ code, signal });
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(baseUrl, child, () => log, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { baseUrl, port, pid: child.pid ?? 0, output: () => log, kill9: () => end('SIGKILL'), stop: () => end('SIGTERM'), exited };
}
