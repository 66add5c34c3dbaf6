/*
 * `npm run contract`: checks `/api/openapi.json` against the running product with an outside
 * property-based tester, schemathesis (pinned, from PyPI, in a virtual environment under
 * .tools/), as a citizen, as each staff role and without a token.
 *
 *   npm run contract                      # starts the BFF itself on a throw-away DATA_DIR (demo city)
 *   npm run contract -- --max-examples 30 --url http://127.0.0.1:3000   # against a running demo
 *
 * Each operation is run with the token of the first demo account allowed to call it
 * (`x-roles`), so the answers are the real ones, not 403s. Prints, per kind of check, how many
 * operations failed it, and exits non-zero when a target check failed: server errors,
 * response-schema violations, undocumented status codes or content types, 405s without Allow.
 * The full schemathesis reports stay in test-artifacts/contract/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeWechat, type FakeWechat } from '../tests/support/fake-wechat';

const SCHEMATHESIS = '4.32.5';
const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.tools', `venv-schemathesis-${SCHEMATHESIS}`);
const reportDir = path.join(root, 'test-artifacts', 'contract');

/**
 * Operations left out, with the reason: they end the very session the run uses (a logged-out
 * token would turn every later answer into 401).
 */
const EXCLUDED: Array<{ method: string; path: string; why: string }> = [
  { method: 'post', path: '/api/v1/auth/logout', why: 'ends the citizen session the run uses' },
  { method: 'post', path: '/api/admin/v1/auth/logout', why: 'ends every session of the staff account the run uses' },
];

type Doc = { paths: Record<string, Record<string, { security?: unknown[]; 'x-roles'?: string[] }>> } & Record<string, unknown>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function ensureSchemathesis(): string {
  const bin = path.join(venv, 'bin', 'schemathesis');
  const version = existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (!version.includes(SCHEMATHESIS)) {
    process.stdout.write(`installing schemathesis ${SCHEMATHESIS} into ${path.relative(root, venv)}…\n`);
    rmSync(venv, { recursive: true, force: true });
    const steps: Array<[string, string[]]> = [
      ['python3', ['-m', 'venv', venv]],
      [path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS}`]],
    ];
    for (const [cmd, args] of steps) {
      const r = spawnSync(cmd, args, { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (python3-venv and network access to PyPI are needed)`);
    }
  }
  return bin;
}

/** Runs a command without blocking this process (the fake WeChat it hosts must keep answering). */
function runAsync(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The BFF as a city runs it: WeChat configured (the tests' loopback fake of api.weixin.qq.com, so
 * login, phone numbers, content checks and QR codes answer as documented), no dev login.
 */
async function startBff(): Promise<{ base: string; dataDir: string; child: ChildProcess; wechat: FakeWechat }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mashang-contract-'));
  const port = await freePort();
  const wechat = await startFakeWechat();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEV_LOGIN: 'false',
    WECHAT_APPID: wechat.appid,
    WECHAT_SECRET: wechat.secret,
    WECHAT_API_BASE: wechat.baseUrl,
    LOG_LEVEL: 'warn',
    SKIP_H5_BUILD: 'true',
    NODE_ENV: 'development',
  };
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bff', 'src', 'server.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 180; i++) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with ${child.exitCode}`);
    if (await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)) return { base, dataDir, child, wechat };
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the BFF did not become ready in 180 s');
}

async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url} answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A token per staff role from the demo accounts (DATA_DIR/demo-credentials.txt), plus a citizen's. */
async function tokens(base: string, credentials: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  out.set('citizen', (await json<{ token: string }>(post(`${base}/api/v1/auth/wechat`, { code: 'contract-check' }))).token);
  for (const line of readFileSync(credentials, 'utf8').split('\n')) {
    const m = /^ {2}(demo-\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const login = await post(`${base}/api/admin/v1/auth/login`, { username: m[1], password: m[2] });
    if (login.status === 401) continue; // not a staff account (e.g. the demo Open311 client's key)
    const { token } = await json<{ token: string }>(Promise.resolve(login));
    const me = await json<{ staff: { roles: string[] } }>(fetch(`${base}/api/admin/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
    for (const role of me.staff.roles) if (!out.has(role)) out.set(role, token);
  }
  return out;
}

/**
 * Splits the document into one per caller (public, citizen, each staff role), path by path: all
 * methods of a path go to the caller allowed the most of them, so `Allow` can be checked against
 * the whole path (a public operation is callable by anyone).
 */
function partition(doc: Doc, have: Map<string, string>): Map<string, Doc> {
  const groups = new Map<string, Doc>();
  const callers = ['citizen', ...[...have.keys()].filter((k) => k !== 'citizen')];
  const canCall = (who: string, op: Doc['paths'][string][string]) => {
    const scheme = Object.keys((op.security?.[0] as Record<string, unknown> | undefined) ?? {})[0];
    if (scheme === undefined) return true;
    return scheme === 'citizenToken' ? who === 'citizen' : who !== 'citizen' && (op['x-roles'] ?? ['admin']).includes(who);
  };
  for (const [p, all] of Object.entries(doc.paths)) {
    const ops = Object.fromEntries(Object.entries(all).filter(([method]) => !EXCLUDED.some((e) => e.method === method && e.path === p)));
    if (Object.keys(ops).length === 0) continue;
    const allPublic = Object.values(ops).every((op) => canCall('nobody', op) && !op.security?.length);
    const score = (who: string) => Object.values(ops).filter((op) => canCall(who, op)).length;
    const who = allPublic ? 'public' : callers.reduce((best, c) => (score(c) > score(best) ? c : best), callers[0]);
    const g = groups.get(who) ?? { ...doc, paths: {} };
    g.paths[p] = ops;
    groups.set(who, g);
  }
  return groups;
}

interface Failure { code: string; operation: string; detail: string; status?: number; errorCode?: string; request?: string }

/**
 * Failures of a run from its JUnit report: one testcase per operation; each problem a
 * `- STnnn Title` line, its detail, then the answer (`[400] …` and its body) and a curl line.
 */
function failuresOf(junitFile: string): { operations: number; failures: Failure[] } {
  if (!existsSync(junitFile)) return { operations: 0, failures: [] };
  const xml = readFileSync(junitFile, 'utf8');
  const failures: Failure[] = [];
  let operations = 0;
  for (const tc of xml.matchAll(/<testcase ([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    operations++;
    const operation = /name="([^"]*)"/.exec(tc[1])?.[1] ?? '?';
    const text = (tc[2] ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#10;/g, '\n').replace(/&amp;/g, '&');
    const cases = text.split(/\n(?=\d+\. Test Case ID)|<(?:failure|error)\b[^>]*>/);
    for (const c of cases) {
      const answer = /\[(\d{3})\][^\n]*\n\n\s*`?([^\n]*)/.exec(c);
      const errorCode = answer ? /"code":"([A-Z0-9_]+)"/.exec(answer[2])?.[1] : undefined;
      const request = /curl (?:.* )?-X (\w+) .*?https?:\/\/[^/\s]+(\/[^?'\s]*)/.exec(c);
      for (const m of c.matchAll(/^- (ST\d{3}) [^\n]*\n\n\s*([^\n]*)/gm)) {
        failures.push({ code: m[1], operation, detail: m[2].trim(), status: answer ? Number(answer[1]) : undefined, errorCode, request: request ? `${request[1]} ${request[2]}` : undefined });
      }
    }
  }
  return { operations, failures };
}

/**
 * A schema-valid request rejected (ST202) is acceptable only for a business rule the document
 * names: an error code listed for that status of that operation, other than VALIDATION_FAILED
 * (which means the document is looser than the server's schema). Such failures are re-filed
 * as ST202-documented; the rest stay ST202, a target.
 */
function classify(doc: Doc, f: Failure): Failure {
  if (f.code !== 'ST202' || !f.errorCode || f.errorCode === 'VALIDATION_FAILED' || f.status === undefined) return f;
  const [method, path] = (f.operation.startsWith('Stateful') ? f.request ?? '' : f.operation).split(' ');
  const template = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path ?? ''));
  const op = template ? (doc.paths[template][method?.toLowerCase() ?? ''] as { responses?: Record<string, { description?: string }> } | undefined) : undefined;
  const documented = op?.responses?.[String(f.status)]?.description ?? '';
  return documented.includes(f.errorCode) ? { ...f, code: 'ST202-documented' } : f;
}

/** schemathesis failure codes (`st explain STnnn`): the targets of issue 18 fail the run, the rest are reported. */
const CODES: Record<string, { title: string; target: boolean }> = {
  ST101: { title: 'server error', target: true },
  ST102: { title: 'server error on an undeclared Content-Type', target: true },
  ST103: { title: 'undocumented status code', target: true },
  ST104: { title: 'missing Content-Type', target: true },
  ST105: { title: 'undocumented Content-Type', target: true },
  ST106: { title: 'malformed media type', target: true },
  ST107: { title: 'missing required response header', target: true },
  ST108: { title: 'response violates its schema', target: true },
  ST110: { title: 'content deserialization error', target: true },
  ST204: { title: 'wrong answer to an undeclared method (405 + Allow)', target: true },
  ST205: { title: 'Allow header mismatch', target: true },
  ST201: { title: 'schema-violating request accepted', target: false },
  ST202: { title: 'schema-valid request rejected for a reason the document does not name', target: true },
  'ST202-documented': { title: 'schema-valid request rejected for a documented business rule', target: false },
  ST203: { title: 'missing required header accepted', target: false },
  ST301: { title: 'deleted resource still available', target: false },
  ST302: { title: 'created resource not found', target: false },
  ST401: { title: 'authentication not enforced', target: true },
  ST402: { title: 'object-level authorization bypass', target: true },
};

async function main(): Promise<void> {
  const bin = ensureSchemathesis();
  const maxExamples = arg('max-examples', '15');
  const given = arg('url', '');
  const started = given ? null : await startBff();
  const base = given || started!.base;
  try {
    const credentials = arg('credentials', started ? path.join(started.dataDir, 'demo-credentials.txt') : path.join(root, 'data', 'demo-credentials.txt'));
    const have = await tokens(base, credentials);
    const doc = await json<Doc>(fetch(`${base}/api/openapi.json`));
    rmSync(reportDir, { recursive: true, force: true });
    mkdirSync(reportDir, { recursive: true });
    const byCheck = new Map<string, Set<string>>();
    let operations = 0;
    for (const [who, part] of partition(doc, have)) {
      const file = path.join(reportDir, `openapi-${who}.json`);
      writeFileSync(file, JSON.stringify(part));
      const junit = path.join(reportDir, `junit-${who}.xml`);
      const args = ['run', file, '--url', base, '--checks', 'all', '--max-examples', maxExamples, '--seed', arg('seed', '18'), '--workers', '1', '--no-color', '--report', 'junit', '--report-junit-path', junit, '--suppress-health-check', 'all', '--request-timeout', '20', '--output-truncate', 'false'];
      if (who !== 'public') args.push('-H', `Authorization: Bearer ${have.get(who)}`);
      process.stdout.write(`\n== schemathesis as ${who}: ${Object.values(part.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)} operations\n`);
      const run = await runAsync(bin, args);
      writeFileSync(path.join(reportDir, `output-${who}.txt`), `${run.stdout}\n${run.stderr}`);
      const { operations: n, failures } = failuresOf(junit);
      operations += n;
      for (const f of failures.map((x) => classify(doc, x))) {
        (byCheck.get(f.code) ?? byCheck.set(f.code, new Set()).get(f.code)!).add(`${who} ${f.operation}: ${f.errorCode ? `${f.status} ${f.errorCode} ` : ''}${f.detail}`);
      }
      if (n === 0) process.stdout.write(run.stdout.slice(-3000) + run.stderr.slice(-2000));
    }
    report(operations, byCheck);
    const failed = [...byCheck.keys()].filter((c) => CODES[c]?.target !== false);
    if (failed.length) {
      process.stdout.write(`\nFAILED target checks: ${failed.join(', ')} (reports in ${path.relative(root, reportDir)}/)\n`);
      process.exitCode = 1;
    }
  } finally {
    if (started) {
      started.child.kill('SIGTERM');
      await new Promise((r) => started.child.once('exit', r));
      rmSync(started.dataDir, { recursive: true, force: true });
      await started.wechat.close();
    }
  }
}

function report(operations: number, byCheck: Map<string, Set<string>>): void {
  process.stdout.write(`\n== contract check: ${operations} operations (excluded: ${EXCLUDED.map((e) => `${e.method.toUpperCase()} ${e.path} — ${e.why}`).join('; ')})\n`);
  const codes = [...new Set([...Object.keys(CODES), ...byCheck.keys()])].sort();
  for (const c of codes) {
    const found = [...(byCheck.get(c) ?? [])];
    const kind = CODES[c]?.target === false ? 'report' : 'target';
    process.stdout.write(`${kind} ${c} ${(CODES[c]?.title ?? '(unknown code)').padEnd(72)} ${String(found.length).padStart(4)}\n`);
    for (const f of found.slice(0, 40)) process.stdout.write(`         ${f.slice(0, 300)}\n`);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`contract check failed to run: ${err.message}\n`);
  process.exit(2);
});
