/**
 * The embedded database: a real MongoDB wire-protocol server, FerretDB v1 (built with the
 * project's patches, see ferretdb-build.ts), started on a free loopback port when MONGODB_URI
 * is not set, and by the test run. Its storage is chosen by `EMBEDDED_DB`:
 *
 * - `postgresql` (default): a PostgreSQL cluster of its own under `DATA_DIR/db/postgresql`
 *   (binaries from the system's packages: Debian `postgresql`), listening on another free
 *   loopback port with a generated password, no Unix socket; FerretDB's PostgreSQL backend with
 *   the project's pushdown patch serves the declared indexes.
 * - `sqlite`: FerretDB's SQLite backend, files under `DATA_DIR/db`; no index is used for reads.
 *
 * Every process runs under a watchdog shell that ends it when the BFF ends, even by `kill -9`,
 * so no database process outlives `npm start` or `npm test`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureFerretDB } from './ferretdb-build';

export { PROJECT_ROOT } from './ferretdb-build';

export type EmbeddedEngine = 'postgresql' | 'sqlite';
export const EMBEDDED_ENGINES: readonly EmbeddedEngine[] = ['postgresql', 'sqlite'];

export interface EmbeddedServer {
  uri: string;
  port: number;
  engine: EmbeddedEngine;
  /** What runs: `FerretDB … on PostgreSQL 15.18` */
  description: string;
  /** The database processes' pids now (the servers, not their watchdogs): for tests and operators. */
  pids(): Array<{ name: string; pid: number }>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  engine?: EmbeddedEngine;
  /**
   * false only for throw-away test databases: PostgreSQL without fsync (a crash of the machine
   * may lose recent commits). The product and the bench always run durable.
   */
  durable?: boolean;
  /**
   * A database process that dies is restarted (with backoff) and logged; when it cannot come
   * back (`MAX_RESTARTS` within a minute, or a restart fails), this is called: the BFF exits
   * with a message rather than running without its database. Default: throw nothing, log.
   */
  onFailure?: (err: Error) => void;
}

type Log = (msg: string) => void;

export function embeddedEngine(value = process.env.EMBEDDED_DB): EmbeddedEngine {
  if (!value) return 'postgresql';
  if ((EMBEDDED_ENGINES as readonly string[]).includes(value)) return value as EmbeddedEngine;
  throw new Error(`EMBEDDED_DB must be one of ${EMBEDDED_ENGINES.join(', ')} (got "${value}")`);
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

/** The database processes get no BFF secrets: only what they need from the environment. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The watchdog shell runs `"$0" "$@"` and ends it (STOP_SIG, then KILL after STOP_WAIT tenths
 * of a second) when its parent, our Node process (WATCH_PID), disappears, or when the shell is
 * told to stop. It checks the parent through /proc where there is one, so it also works when
 * it runs as another user (PostgreSQL refuses to run as root).
 */
const WATCHDOG = [
  'alive() { if [ -d /proc/self ]; then [ -d "/proc/$1" ]; else kill -0 "$1" 2>/dev/null; fi; }',
  '"$0" "$@" & c=$!',
  'stop() { kill -"$STOP_SIG" $c 2>/dev/null; i=0; while [ $i -lt "$STOP_WAIT" ]; do kill -0 $c 2>/dev/null || return 0; sleep 0.1; i=$((i+1)); done; kill -KILL $c 2>/dev/null; }',
  "trap 'stop; exit 0' TERM INT HUP",
  'while alive "$WATCH_PID" && kill -0 $c 2>/dev/null; do sleep 1 & wait $!; done',
  'stop',
].join('\n');

interface Watched {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<void>;
  stop(): Promise<void>;
}

interface WatchOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  user?: { uid: number; gid: number };
  /** Signal that asks the process to stop cleanly (PostgreSQL: INT, its fast shutdown). */
  stopSignal?: 'TERM' | 'INT';
  /** How long it gets before KILL, in ms. */
  stopWaitMs?: number;
}

function watched(bin: string, args: string[], opts: WatchOptions = {}): Watched {
  const child = spawn('sh', ['-c', WATCHDOG, bin, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...(opts.env ?? process.env),
      WATCH_PID: String(process.pid),
      STOP_SIG: opts.stopSignal ?? 'TERM',
      STOP_WAIT: String(Math.ceil((opts.stopWaitMs ?? 2000) / 100)),
    },
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.user ?? {}),
  });
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped: Promise<void> | undefined;
  return {
    child,
    stderr: () => tail,
    exited,
    stop() {
      if (!stopped) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        stopped = exited;
      }
      return stopped;
    },
  };
}

async function waitFor(what: string, w: Watched, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await ready())) {
    if (w.child.exitCode !== null) throw new Error(`${what} exited during start:\n${w.stderr()}`);
    if (Date.now() - started > timeoutMs) {
      await w.stop();
      throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s:\n${w.stderr()}`);
    }
    await sleep(100);
  }
}

/** `pgrep -P`: the server a watchdog shell runs. */
function childPid(shellPid: number | undefined): number | undefined {
  if (!shellPid) return undefined;
  const out = spawnSync('pgrep', ['-P', String(shellPid)], { encoding: 'utf8' });
  const pids = (out.stdout ?? '').split(/\s+/).filter(Boolean).map(Number).filter((p) => p > 0);
  return pids.find((p) => !/^sleep$/.test(readProc(p))) ?? pids[0];
}

function readProc(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

export const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * One database process kept running: `start` makes a ready process; when it exits while we are
 * not stopping, it is started again after a backoff (0.5 s, 1 s, 2 s, … 8 s), each event logged
 * once; more than MAX_RESTARTS within a minute, or a start that fails, ends in `onFailure`.
 */
class Supervised {
  private current: Watched;
  private stopping = false;
  private restarts: number[] = [];

  private constructor(
    private readonly name: string,
    private readonly start: () => Promise<Watched>,
    first: Watched,
    private readonly log: Log,
    private readonly onFailure: (err: Error) => void,
  ) {
    this.current = first;
    this.watch(first);
  }

  static async create(name: string, start: () => Promise<Watched>, log: Log, onFailure: (err: Error) => void): Promise<Supervised> {
    return new Supervised(name, start, await start(), log, onFailure);
  }

  pid(): number | undefined {
    return childPid(this.current.child.pid);
  }

  private watch(w: Watched): void {
    void w.exited.then(() => {
      if (this.stopping || w !== this.current) return;
      void this.restart(w);
    });
  }

  private async restart(dead: Watched): Promise<void> {
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      this.onFailure(new Error(`${this.name} died ${this.restarts.length} times within a minute; giving up. Its last output:\n${dead.stderr()}`));
      return;
    }
    const delay = Math.min(8000, 500 * 2 ** (this.restarts.length - 1));
    this.log(`${this.name} exited unexpectedly (${dead.child.exitCode ?? dead.child.signalCode}); restarting in ${delay} ms`);
    await sleep(delay);
    if (this.stopping) return;
    try {
      const next = await this.start();
      if (this.stopping) {
        await next.stop();
        return;
      }
      this.current = next;
      this.watch(next);
      this.log(`${this.name} is back`);
    } catch (err) {
      // The start failed (port taken, data damaged…): try again within the same budget.
      this.log(`${this.name} did not come back: ${(err as Error).message.split('\n')[0]}`);
      void this.restart(dead);
    }
  }

  stop(): Promise<void> {
    this.stopping = true;
    return this.current.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const PG_MIN_MAJOR = 13;

/** The directory of `postgres`, `initdb` and `pg_isready`: POSTGRES_BIN_DIR, Debian's newest, or PATH. */
export function findPostgres(env = process.env): { bin: string; major: number } | undefined {
  const candidates: string[] = [];
  if (env.POSTGRES_BIN_DIR) candidates.push(env.POSTGRES_BIN_DIR);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin'));
  }
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) candidates.push(onPath.stdout.trim());
  for (const dir of candidates) {
    if (!existsSync(path.join(dir, 'postgres')) || !existsSync(path.join(dir, 'initdb'))) continue;
    const out = spawnSync(path.join(dir, 'postgres'), ['--version'], { encoding: 'utf8' });
    const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? '')?.[1]);
    if (major >= PG_MIN_MAJOR) return { bin: dir, major };
  }
  return undefined;
}

const NO_POSTGRES =
  `The embedded database needs PostgreSQL ≥ ${PG_MIN_MAJOR} installed (its server binaries, not only psql): ` +
  'on Debian/Ubuntu `sudo apt-get install -y postgresql` (the BFF starts its own cluster under DATA_DIR; the system service is not used), ' +
  'or set POSTGRES_BIN_DIR to the folder holding postgres and initdb. ' +
  'Alternatives: EMBEDDED_DB=sqlite (no PostgreSQL; slow beyond a few thousand tickets) or MONGODB_URI.';

/**
 * PostgreSQL refuses to run as root. As root, its processes run in a user namespace of their
 * own where our uid is mapped to an ordinary one (`unshare --user --map-user`): the files stay
 * root's, nothing outside DATA_DIR changes. Where user namespaces are not allowed, they run as
 * the system's `postgres` user instead, which then owns the cluster and must be able to reach it.
 */
interface RunAs {
  /** Command prefix (`unshare …`) or nothing. */
  prefix: string[];
  /** Run as this user (the fallback). */
  user?: { uid: number; gid: number };
}

let runAsCache: RunAs | undefined;
function serverRunAs(): RunAs {
  if (runAsCache) return runAsCache;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return (runAsCache = { prefix: [] });
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout?.trim());
  const uid = id('-u');
  const gid = id('-g');
  const mapped = uid > 0 ? uid : 65534;
  const prefix = ['unshare', '--user', `--map-user=${mapped}`, `--map-group=${gid > 0 ? gid : mapped}`];
  if (spawnSync(prefix[0], [...prefix.slice(1), 'true']).status === 0) return (runAsCache = { prefix });
  if (!(uid > 0)) {
    throw new Error(
      'Running as root, the embedded PostgreSQL needs user namespaces (`unshare --user`) or the system user "postgres" ' +
        '(created by the Debian package; or `useradd --system postgres`), or run the BFF as a normal user.',
    );
  }
  return (runAsCache = { prefix: [], user: { uid, gid } });
}

/** The fallback user must reach its cluster: add search (x) permission for others on every folder above it. */
function letReach(dir: string, runAs: RunAs): void {
  if (!runAs.user) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if (!(mode & 0o001)) chmodSync(d, mode | 0o001);
    if (path.dirname(d) === d) break;
  }
}

function chownTree(dir: string, user: { uid: number; gid: number }): void {
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, user);
    else chownSync(p, user.uid, user.gid);
  }
}

const PG_USER = 'mashang';

/** Where the embedded cluster of DATA_DIR lives, and who connects to it (backup and restore use PostgreSQL's own tools). */
export function embeddedPostgresPaths(dataDir: string): { cluster: string; secretFile: string; user: string } {
  const dbDir = path.join(path.resolve(dataDir), 'db');
  return { cluster: path.join(dbDir, 'postgresql'), secretFile: path.join(dbDir, 'postgresql.secret'), user: PG_USER };
}

/**
 * The port of the embedded cluster of DATA_DIR when it runs now (a BFF has it), from its
 * `postmaster.pid` (line 4) and a `pg_isready`; undefined when it does not run (or the file is
 * left from a crash).
 */
export async function runningPostgresPort(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(embeddedPostgresPaths(dataDir).cluster, 'postmaster.pid');
  const pg = findPostgres();
  if (!pg || !existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  if (!(port > 0)) return undefined;
  return (await pgReady(pg, port)) ? port : undefined;
}

/**
 * PostgreSQL alone on the embedded cluster of DATA_DIR (created when absent), supervised like
 * the BFF's, without FerretDB: for backup when no BFF runs, and for restore.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log = () => {}): Promise<{ port: number; password: string; stop(): Promise<void> }> {
  const dbDir = path.join(path.resolve(dataDir), 'db');
  mkdirSync(dbDir, { recursive: true });
  const storage = await startPostgres(dbDir, true, log, (err) => log(err.message));
  const password = readFileSync(embeddedPostgresPaths(dataDir).secretFile, 'utf8').trim();
  return { port: storage.port ?? 0, password, stop: () => storage.stop() };
}

function initCluster(pg: { bin: string }, cluster: string, secretFile: string, runAs: RunAs, log: Log): void {
  const user = runAs.user;
  log('creating the embedded PostgreSQL cluster (first start only)…');
  rmSync(cluster, { recursive: true, force: true });
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password from a file the server's user can read; it is removed at once.
  const pwfile = path.join(cluster, '..', `.pw-${process.pid}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      chownSync(cluster, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    const [cmd, ...args] = [...runAs.prefix, path.join(pg.bin, 'initdb'), '-D', cluster, `--username=${PG_USER}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--locale=C', '--encoding=UTF8', '--no-instructions'];
    const res = spawnSync(cmd, args, { encoding: 'utf8', cwd: path.dirname(cluster), env: serverEnv(), ...(user ?? {}) });
    if (res.status !== 0) throw new Error(`initdb failed:\n${res.stderr || res.stdout}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(secretFile, `${password}\n`, { mode: 0o600 });
}

function pgReady(pg: { bin: string }, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(path.join(pg.bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-d', 'postgres', '-U', PG_USER], { stdio: 'ignore' });
    child.once('exit', (code) => resolve(code === 0));
    child.once('error', () => resolve(false));
  });
}

interface Storage {
  /** PostgreSQL's port (absent on SQLite). */
  port?: number;
  description: string;
  ferretArgs: string[];
  ferretEnv: NodeJS.ProcessEnv;
  pids(): Array<{ name: string; pid: number }>;
  stop(): Promise<void>;
}

async function startPostgres(dbDir: string, durable: boolean, log: Log, onFailure: (err: Error) => void): Promise<Storage> {
  const pg = findPostgres();
  if (!pg) throw new Error(NO_POSTGRES);
  const runAs = serverRunAs();
  const user = runAs.user;
  const cluster = path.join(dbDir, 'postgresql');
  const secretFile = path.join(dbDir, 'postgresql.secret');
  letReach(dbDir, runAs);
  if (!existsSync(path.join(cluster, 'PG_VERSION')) || !existsSync(secretFile)) initCluster(pg, cluster, secretFile, runAs, log);
  const clusterMajor = Number(readFileSync(path.join(cluster, 'PG_VERSION'), 'utf8').trim());
  if (clusterMajor !== pg.major) {
    throw new Error(
      `The embedded PostgreSQL cluster at ${cluster} was made by PostgreSQL ${clusterMajor}, but ${pg.bin} is PostgreSQL ${pg.major}. ` +
        `Set POSTGRES_BIN_DIR to PostgreSQL ${clusterMajor}'s binaries, or upgrade the cluster with pg_upgrade.`,
    );
  }
  if (user) chownTree(cluster, user);
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    // A JIT compile costs more than the short queries it would speed up.
    jit: 'off',
    // Tickets are TOASTed documents of a few KB; lz4 unpacks them several times faster than pglz.
    default_toast_compression: 'lz4',
    log_min_messages: 'warning',
    ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const args = ['-D', cluster, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const server = await Supervised.create(
    'PostgreSQL',
    async () => {
      const [cmd, ...rest] = [...runAs.prefix, path.join(pg.bin, 'postgres'), ...args];
      const w = watched(cmd, rest, { env: serverEnv(), user, cwd: dbDir, stopSignal: 'INT', stopWaitMs: 20_000 });
      // After a crash PostgreSQL replays its WAL first: every acknowledged commit is back.
      await waitFor('PostgreSQL', w, () => pgReady(pg, port), 60_000);
      return w;
    },
    log,
    onFailure,
  );
  const version = spawnSync(path.join(pg.bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^postgres \(PostgreSQL\) /, '');
  return {
    port,
    description: `PostgreSQL ${version}`,
    ferretArgs: ['--handler=postgresql'],
    // The URL carries the password: given through the environment, not the command line (ps).
    ferretEnv: { FERRETDB_POSTGRESQL_URL: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` },
    pids: () => [{ name: 'postgres', pid: server.pid() ?? 0 }],
    stop: () => server.stop(),
  };
}

function sqliteStorage(dbDir: string): Storage {
  return { description: 'SQLite', ferretArgs: ['--handler=sqlite', `--sqlite-url=file:${dbDir}/`], ferretEnv: {}, pids: () => [], stop: async () => {} };
}

// ---------------------------------------------------------------------------------------------

export async function startEmbeddedServer(dataDir: string, log: Log = () => {}, opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const engine = opts.engine ?? embeddedEngine();
  const bin = ensureFerretDB(log);
  const root = path.resolve(dataDir);
  const dbDir = path.join(root, 'db');
  mkdirSync(dbDir, { recursive: true });
  if (engine === 'postgresql' && !existsSync(path.join(dbDir, 'postgresql')) && readdirSync(dbDir).some((f) => f.endsWith('.sqlite'))) {
    log(`${dbDir} holds an embedded SQLite database from an earlier version; it is left as it is. Start with EMBEDDED_DB=sqlite to keep using it.`);
  }
  const onFailure = opts.onFailure ?? ((err: Error) => log(err.message));
  const storage = engine === 'postgresql' ? await startPostgres(dbDir, opts.durable ?? true, log, onFailure) : sqliteStorage(dbDir);
  const stateDir = path.join(dbDir, 'ferretdb-state');
  mkdirSync(stateDir, { recursive: true });
  const port = await freePort();
  const args = [
    ...storage.ferretArgs,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${engine === 'sqlite' ? dbDir : stateDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ];
  let ferret: Supervised;
  try {
    ferret = await Supervised.create(
      'FerretDB',
      async () => {
        const w = watched(bin, args, { env: { ...serverEnv(), ...storage.ferretEnv } });
        await waitFor('FerretDB', w, () => canConnect(port), 30_000);
        return w;
      },
      log,
      onFailure,
    );
  } catch (err) {
    await storage.stop();
    throw err;
  }
  let stopped: Promise<void> | undefined;
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.match(/version:\s*(\S+)/)?.[1] ?? '?';
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    engine,
    description: `FerretDB ${version} on ${storage.description}`,
    pids: () => [{ name: 'ferretdb', pid: ferret.pid() ?? 0 }, ...storage.pids()],
    stop() {
      stopped ??= ferret.stop().then(() => storage.stop());
      return stopped;
    },
  };
}
