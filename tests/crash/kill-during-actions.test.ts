/**
 * Crash safety of state changes: operators accept and dispatch tickets (retrying on failure)
 * while the BFF is killed with SIGKILL and restarted. A write cut between its version claim
 * and its update must be rolled forward by the next writer, never lost or applied twice: every
 * ticket ends dispatched with exactly one accept and one dispatch in its timeline.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDb } from '../../bff/src/db/connection';
import type { TicketDoc } from '../../bff/src/tickets/model';
import { api, must } from '../bench/api';
import { runSecrets, serverUri, startBff, uriWithDb, withBffOutput, type BffProcess } from './bff-process';
import { timelineProblems } from './ticket-checks';

const TICKETS = 24;
const WORKERS = 6;
const KILL_AFTER_STEPS = 16;


const dbName = `crash_actions_${randomBytes(4).toString('hex')}`;
const admin = { username: 'crashadmin', password: 'Crash-admin-1' };
const env = { ...runSecrets(), DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mashang-crash-')), ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password, SWEEP_INTERVAL_MS: '0' };
let bff: BffProcess;
let db: Connection;

beforeAll(async () => {
  bff = await startBff({ serverUri: serverUri(), dbName, env });
  db = await connectDb(uriWithDb(serverUri(), dbName));
}, 90_000);

afterAll(async () => {
  await bff?.stop();
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
});

const STEPS = [
  { action: 'accept', reached: ['accepted', 'dispatched'] },
  { action: 'dispatch', reached: ['dispatched'] },
] as const;

async function setup(): Promise<{ operator: string; unit: string; nos: string[] }> {
  const adminToken = (await must(200, bff.baseUrl, 'POST', '/api/admin/v1/auth/login', { body: admin })).token as string;
  const unit = ((await must(201, bff.baseUrl, 'POST', '/api/admin/v1/units', { token: adminToken, body: { name: '崩溃测试住建局', level: 'city', kind: 'department' } })).unit as { id: string }).id;
  // One account with both roles, so one client walks a ticket from accept to dispatch.
  await must(201, bff.baseUrl, 'POST', '/api/admin/v1/staff', { token: adminToken, body: { username: 'crash_op', password: 'Crash-pass-1', name: '崩溃测试受理', roles: ['operator', 'dispatcher'] } });
  const operator = (await must(200, bff.baseUrl, 'POST', '/api/admin/v1/auth/login', { body: { username: 'crash_op', password: 'Crash-pass-1' } })).token as string;
  const nos: string[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const token = (await must(200, bff.baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: `crashact${i}` } })).token as string;
    const body = await must(201, bff.baseUrl, 'POST', '/api/v1/tickets', { token, body: { type: 'complaint', content: `第${i}号：小区外墙脱落，存在安全隐患`, attachments: [], idempotencyKey: `crash-act-${i}-x` } });
    nos.push((body.ticket as { no: string }).no);
  }
  return { operator, unit, nos };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One step, retried until the ticket shows it done. A 409 after a crash can mean "your earlier
 * attempt (or its rolled-forward claim) already did it": the ticket is read to decide.
 */
async function step(port: number, operator: string, no: string, s: (typeof STEPS)[number], unit: string): Promise<void> {
  const base = () => `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const r = await api(base(), 'POST', `/api/admin/v1/tickets/${no}/${s.action}`, { token: operator, body: s.action === 'dispatch' ? { leadUnit: unit } : {} }).catch(() => undefined);
    if (r?.status === 200) return;
    if (r && r.status < 500 && r.status !== 409) throw new Error(`${s.action} ${no}: ${r.status} ${JSON.stringify(r.body)}`);
    const read = await api(base(), 'GET', `/api/admin/v1/tickets/${no}`, { token: operator }).catch(() => undefined);
    const status = (read?.body.ticket as { status?: string } | undefined)?.status;
    if (status && (s.reached as readonly string[]).includes(status)) return;
    await pause(100);
  }
  throw new Error(`${s.action} ${no}: not done in time`);
}

describe('crash safety: kill -9 during state changes', () => {
  it(
    'when the BFF is killed while tickets are accepted and dispatched with client retries, then each ticket ends dispatched with exactly one accept and one dispatch and an intact timeline and version',
    () => withBffOutput(() => [bff], async () => {
      const { operator, unit, nos } = await setup();
      const port = bff.port;
      let done = 0;
      let next = 0;
      const worker = async () => {
        while (next < nos.length) {
          const no = nos[next++];
          for (const s of STEPS) {
            await step(port, operator, no, s, unit);
            done++;
          }
        }
      };
      const work = Promise.all(Array.from({ length: WORKERS }, worker));
      while (done < KILL_AFTER_STEPS) await pause(10);
      await bff.kill9();
      bff = await startBff({ serverUri: serverUri(), dbName, env, port });
      await work;

      const stored = await db.collection<TicketDoc>('tickets').find({ no: { $in: nos } }).toArray();
      expect(stored).toHaveLength(TICKETS);
      for (const t of stored) {
        expect({ no: t.no, status: t.status, actions: t.timeline.map((e) => e.action) }).toEqual({ no: t.no, status: 'dispatched', actions: ['submit', 'accept', 'dispatch'] });
      }
      expect(stored.flatMap(timelineProblems)).toEqual([]);
    }),
    240_000,
  );
});
