/**
 * Two BFF processes on one database, as behind a load balancer: conflicting actions on the
 * same tickets sent through both at once (exactly one wins each ticket, the others answer 409
 * or 412), and the sweeper running on both every 250 ms (one lease holder at a time, every
 * overdue ticket supervised exactly once).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createWorkCalendar, DUE_STATUSES, getProfile } from '@mashang/shared';
import { connectDb } from '../../bff/src/db/connection';
import type { TicketDoc } from '../../bff/src/tickets/model';
import { api, must, type ApiResult } from '../bench/api';
import { buildTicketDoc } from '../bench/generate-tickets';
import { runSecrets, serverUri, startBff, uriWithDb, withBffOutput, type BffProcess } from './bff-process';
import { timelineProblems } from './ticket-checks';


const dbName = `crash_pair_${randomBytes(4).toString('hex')}`;
const admin = { username: 'pairadmin', password: 'Pair-admin-1' };
const secrets = runSecrets();
const instanceEnv = () => ({
  ...secrets,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mashang-pair-')),
  ADMIN_USERNAME: admin.username,
  ADMIN_PASSWORD: admin.password,
  SWEEP_INTERVAL_MS: '250',
});

let a: BffProcess;
let b: BffProcess;
let db: Connection;

beforeAll(async () => {
  // Started together: both race to create the bootstrap administrator too.
  [a, b] = await Promise.all([startBff({ serverUri: serverUri(), dbName, env: instanceEnv() }), startBff({ serverUri: serverUri(), dbName, env: instanceEnv() })]);
  db = await connectDb(uriWithDb(serverUri(), dbName));
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
});

async function staffToken(adminToken: string, role: 'operator' | 'dispatcher'): Promise<string> {
  const username = `pair_${role}`;
  await must(201, a.baseUrl, 'POST', '/api/admin/v1/staff', { token: adminToken, body: { username, password: 'Pair-pass-1', name: `双实例${role}`, roles: [role] } });
  return (await must(200, b.baseUrl, 'POST', '/api/admin/v1/auth/login', { body: { username, password: 'Pair-pass-1' } })).token as string;
}

/** One citizen per ticket: one citizen repeating a matter would be supervised by the sweeper meanwhile (a version bump). */
async function submitTickets(count: number): Promise<string[]> {
  const nos: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = (await must(200, b.baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: `pair-citizen-${i}` } })).token as string;
    const body = await must(201, i % 2 ? a.baseUrl : b.baseUrl, 'POST', '/api/v1/tickets', { token, body: { type: 'complaint', content: `双实例测试第${i}条：夜间施工噪音`, attachments: [], idempotencyKey: `pair-${i}-${randomBytes(3).toString('hex')}` } });
    nos.push((body.ticket as { no: string }).no);
  }
  return nos;
}

/** Five conflicting actions on one submitted ticket, through both instances at once. */
function conflicting(no: string, operator: string, ifMatch: boolean): Promise<ApiResult[]> {
  const headers = ifMatch ? { 'if-match': '"0"' } : undefined;
  const act = (base: string, action: string, body: unknown) => api(base, 'POST', `/api/admin/v1/tickets/${no}/${action}`, { token: operator, body, headers });
  return Promise.all([
    act(a.baseUrl, 'accept', {}),
    act(b.baseUrl, 'accept', {}),
    act(a.baseUrl, 'accept', {}),
    act(b.baseUrl, 'reject', { reasonCode: 'legal-procedure', note: '应通过法定途径解决' }),
    act(a.baseUrl, 'request-supplement', { note: '请补充施工地点' }),
  ]);
}

describe('two BFF instances on one database', () => {
  it('when conflicting actions on the same tickets arrive through both instances at once, then exactly one wins each ticket and the others answer 409 or 412', () => withBffOutput(() => [a, b], async () => {
    const adminToken = (await must(200, a.baseUrl, 'POST', '/api/admin/v1/auth/login', { body: admin })).token as string;
    const operator = await staffToken(adminToken, 'operator');
    const nos = await submitTickets(10);
    const outcomes = await Promise.all(nos.map((no, i) => conflicting(no, operator, i % 2 === 0)));
    for (const results of outcomes) {
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 412)).toBe(true);
    }
    const stored = await db.collection<TicketDoc>('tickets').find({ no: { $in: nos } }).toArray();
    expect(stored).toHaveLength(nos.length);
    expect(stored.map((t) => t.version)).toEqual(nos.map(() => 1));
    expect(stored.flatMap(timelineProblems)).toEqual([]);
  }), 120_000);

  it('when both instances run the sweeper every 250 ms over overdue tickets, then one instance holds the lease throughout and each overdue ticket is supervised exactly once', () => withBffOutput(() => [a, b], async () => {
    const adminToken = (await must(200, a.baseUrl, 'POST', '/api/admin/v1/auth/login', { body: admin })).token as string;
    const unit = (await must(201, a.baseUrl, 'POST', '/api/admin/v1/units', { token: adminToken, body: { name: '双实例城管局', level: 'city', kind: 'department' } })).unit as { id: string };
    const now = Date.now();
    const base = { profile: getProfile('baiyin'), calendar: createWorkCalendar() };
    let seed = 11;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const docs = Array.from({ length: 60 }, (_, i) => buildTicketDoc(i, { count: 60, units: [unit.id], from: new Date(now - 120 * 86_400_000), to: new Date(now - 60 * 86_400_000), batchTag: '8' }, rand, base));
    await db.collection<TicketDoc>('tickets').insertMany(docs);
    const overdue = docs.filter((d) => (DUE_STATUSES as readonly string[]).includes(d.status) && d.dueAt && d.dueAt.getTime() < now).map((d) => d.no);
    expect(overdue.length).toBeGreaterThan(5);

    const holders = new Set<string>();
    const events = db.collection<{ _id: string; kind: string; ticketNo: string }>('sweep_events');
    const deadline = Date.now() + 90_000;
    for (;;) {
      const lease = await db.collection<{ _id: string; holder: string }>('sweeper_leases').findOne({ _id: 'sweeper' });
      if (lease) holders.add(lease.holder);
      const done = await events.countDocuments({ kind: 'overdue', ticketNo: { $in: overdue } });
      const supervised = await db.collection('supervisions').countDocuments({ ticketNo: { $in: overdue }, trigger: 'overdue' });
      if (done === overdue.length && supervised === overdue.length) break;
      if (Date.now() > deadline) throw new Error(`sweep incomplete: ${done}/${overdue.length} events, ${supervised} supervisions`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // A few more passes on both instances must change nothing.
    await new Promise((r) => setTimeout(r, 1500));

    expect(holders.size).toBe(1);
    expect([a.pid, b.pid].map(String)).toContain([...holders][0].split(':')[0]);
    const stored = await db.collection<TicketDoc>('tickets').find({ no: { $in: overdue } }).toArray();
    for (const t of stored) {
      const overdueSupervisions = t.timeline.filter((e) => e.action === 'supervise' && e.actor.kind === 'system' && e.data?.trigger === 'overdue');
      expect({ no: t.no, count: overdueSupervisions.length }).toEqual({ no: t.no, count: 1 });
    }
    expect(await db.collection('supervisions').countDocuments({ ticketNo: { $in: overdue }, trigger: 'overdue' })).toBe(overdue.length);
    expect(stored.flatMap(timelineProblems)).toEqual([]);
  }), 150_000);
});
