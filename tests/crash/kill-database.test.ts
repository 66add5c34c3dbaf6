/**
 * The embedded database killed under load (issue 11 "faults", issue 20 supervision): citizens
 * keep submitting (retrying with the same idempotency key on any failure) while FerretDB and
 * then PostgreSQL's postmaster are killed with SIGKILL. The BFF keeps running, restarts each
 * process, answers 503 (never a 500, never a hang) while the database is away, is ready and
 * acknowledging submissions again within 10 s of each kill, and afterwards every acknowledged
 * submission is there exactly once, under its acknowledged number.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { api, must } from '../bench/api';
import { embeddedEngine } from '../../bff/src/db/embedded-server';
import { runSecrets, startBff, withBffOutput, type BffProcess } from './bff-process';
import { postUntilAcknowledged, type Ack } from './retrying-client';

const CITIZENS = 6;
/** Issue 20: service is back this soon after a database process is killed. */
const RECOVERY_MS = 10_000;
const SUBMITS_EACH = 6;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mashang-dbkill-'));
const env = { ...runSecrets(), DATA_DIR: dataDir, SWEEP_INTERVAL_MS: '0', EMBEDDED_DB: 'postgresql' };
let bff: BffProcess;

/** The pid of the database process `name` (its comm) started for this DATA_DIR. */
function dbPid(name: 'ferretdb' | 'postgres'): number | undefined {
  const marker = name === 'postgres' ? path.join(dataDir, 'db', 'postgresql') : path.join(dataDir, 'db', 'ferretdb-state');
  const out = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout ?? '';
  return out
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not seen within ${timeoutMs} ms`);
    await pause(100);
  }
}

const describePg = embeddedEngine() === 'postgresql' && !process.env.MONGODB_URI ? describe : describe.skip;

beforeAll(async () => {
  if (embeddedEngine() !== 'postgresql' || process.env.MONGODB_URI) return;
  bff = await startBff({ dbName: 'mashang', env });
}, 120_000);

afterAll(async () => {
  await bff?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describePg('crash safety: kill -9 of the embedded database', () => {
  it(
    'when FerretDB and then PostgreSQL are killed under a retried submit load, then the BFF restarts them, answers 503 meanwhile, and every acknowledged submission is stored exactly once',
    () =>
      withBffOutput(() => [bff], async () => {
        const tokens: string[] = [];
        for (let i = 0; i < CITIZENS; i++) tokens.push((await must(200, bff.baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: `dbkill${i}` } })).token as string);
        const acks: Ack[] = [];
        const statuses: number[] = [];
        /** Every answer any submit attempt got, with when. */
        const seen: Array<{ status: number | 'error'; at: number }> = [];
        let finished = false;
        const run = async (c: number) => {
          for (let k = 0; k < SUBMITS_EACH; k++) {
            const key = `dbkill-${c}-${k}-${randomBytes(3).toString('hex')}`;
            const body = { type: 'help', content: `第${c}位市民的第${k}条诉求：小区门口路灯不亮`, attachments: [], idempotencyKey: key };
            const res = await postUntilAcknowledged(`${bff.baseUrl}/api/v1/tickets`, tokens[c], body, {
              deadlineMs: 150_000,
              attemptTimeoutMs: 10_000,
              pauseMs: 200,
              onStatus: (status, at) => seen.push({ status, at }),
            });
            acks.push({ key, no: (res.json.ticket as { no: string }).no, attempts: res.attempts });
          }
        };
        const clients = Promise.all(tokens.map((_, c) => run(c))).finally(() => (finished = true));

        const kills: Array<{ name: string; at: number; readyAfterMs: number }> = [];
        /** Polls the readiness probe until it answers 200; each probe must answer (200 or 503) within about a second. */
        const readyAfter = async (since: number): Promise<number> => {
          for (;;) {
            const t0 = Date.now();
            const res = await fetch(`${bff.baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(5_000) });
            expect([200, 503]).toContain(res.status);
            expect(Date.now() - t0).toBeLessThan(2_000);
            if (res.status === 200) return Date.now() - since;
            if (Date.now() - since > 60_000) throw new Error('never ready again');
            await pause(100);
          }
        };
        const killer = async () => {
          for (const [mark, name] of [[6, 'ferretdb'], [18, 'postgres']] as const) {
            while (acks.length < mark && !finished) await pause(20);
            const pid = await waitFor(`${name} process`, () => dbPid(name));
            process.kill(pid, 'SIGKILL');
            const killedAt = Date.now();
            // While it is away a read answers promptly: 200 (already back) or 503 with the error shape.
            const t0 = Date.now();
            const res = await fetch(`${bff.baseUrl}/api/v1/tickets`, { headers: { authorization: `Bearer ${tokens[0]}` }, signal: AbortSignal.timeout(15_000) });
            statuses.push(res.status);
            if (res.status === 503) {
              expect(res.headers.get('retry-after')).toBeTruthy();
              expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
            } else expect(res.status).toBe(200);
            expect(Date.now() - t0).toBeLessThan(15_000);
            kills.push({ name, at: killedAt, readyAfterMs: await readyAfter(killedAt) });
            // The supervisor brings a new process up.
            await waitFor(`${name} restarted`, () => {
              const now = dbPid(name);
              return now && now !== pid ? now : undefined;
            });
          }
        };
        await Promise.all([killer(), clients]);

        expect(acks).toHaveLength(CITIZENS * SUBMITS_EACH);
        // The BFF itself never went down: the same process answers.
        expect((await api(bff.baseUrl, 'GET', '/api/health')).status).toBe(200);
        for (let c = 0; c < CITIZENS; c++) {
          const list = await api(bff.baseUrl, 'GET', `/api/v1/tickets?limit=${SUBMITS_EACH + 5}`, { token: tokens[c] });
          expect(list.status).toBe(200);
          const nos = (list.body.items as Array<{ no: string }>).map((t) => t.no).sort();
          const acked = acks.filter((a) => a.key.startsWith(`dbkill-${c}-`)).map((a) => a.no).sort();
          expect(nos).toEqual(acked);
        }
        expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
        // Never a 500 (or any 5xx but 503) to a submit; every refusal said when to retry.
        expect(seen.filter((s) => typeof s.status === 'number' && s.status >= 500 && s.status !== 503)).toEqual([]);
        expect(seen.some((s) => s.status === 503) || statuses.includes(503)).toBe(true);
        // Recovered within RECOVERY_MS of each kill: ready again, and a submit acknowledged.
        for (const k of kills) {
          const firstAck = seen.find((s) => s.at > k.at && typeof s.status === 'number' && s.status < 300);
          expect({ kill: k.name, ready: k.readyAfterMs < RECOVERY_MS, acknowledged: firstAck !== undefined && firstAck.at - k.at < RECOVERY_MS }).toEqual({
            kill: k.name,
            ready: true,
            acknowledged: true,
          });
        }
      }),
    240_000,
  );
});
