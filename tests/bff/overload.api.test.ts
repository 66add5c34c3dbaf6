/**
 * Issue 17 item 9: many citizens submitting at once on the embedded database. Every answer is a
 * created ticket or, if the database is overloaded, a quick 503 with Retry-After — never a 500,
 * never a hang — and a client retrying with its idempotency key ends with exactly one ticket.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { ticketModel } from '../../bff/src/tickets/model';

const CLIENTS = 200;
let t: TestApp;
const citizens: Array<{ id: string; token: string }> = [];

beforeAll(async () => {
  t = await buildTestApp({ TRUSTED_PROXY_HOPS: '1' });
  // Citizens log in from many addresses, as real ones do (the login limit is per address).
  for (let i = 0; i < CLIENTS; i++) {
    const res = await t.http.post('/api/v1/auth/wechat').set('X-Forwarded-For', `10.9.${Math.floor(i / 50)}.${i % 50}`).send({ code: `overload${i}` });
    if (res.status !== 200) throw new Error(`login ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    citizens.push({ id: res.body.citizen.id as string, token: res.body.token as string });
  }
}, 120_000);
afterAll(() => t.close());

const body = (i: number) => ({ type: 'complaint', content: `第${i}位市民：小区门口的路灯坏了一周，晚上很黑`, attachments: [], idempotencyKey: `overload-${i}` });

test('when 200 citizens submit at once, then each gets 201 or a 503 with Retry-After (never a 500), and retries end with exactly one ticket each', async () => {
  const first = await Promise.all(citizens.map((c, i) => t.http.post('/api/v1/tickets').set('Authorization', `Bearer ${c.token}`).send(body(i))));
  const statuses = first.map((r) => r.status);
  expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
  for (const r of first.filter((x) => x.status === 503)) {
    expect(r.headers['retry-after']).toBeTruthy();
    expect(r.body.error.code).toBe('DATABASE_UNAVAILABLE');
  }
  const numbers = new Map<number, string>();
  first.forEach((r, i) => r.status === 201 && numbers.set(i, r.body.ticket.no as string));
  // The clients that were told to come back do, with the same key.
  for (let round = 0; numbers.size < CLIENTS && round < 20; round++) {
    const missing = citizens.map((_, i) => i).filter((i) => !numbers.has(i));
    const again = await Promise.all(missing.map((i) => t.http.post('/api/v1/tickets').set('Authorization', `Bearer ${citizens[i].token}`).send(body(i))));
    again.forEach((r, k) => {
      expect([200, 201, 503]).toContain(r.status);
      if (r.status < 300) numbers.set(missing[k], r.body.ticket.no as string);
    });
  }
  expect(numbers.size).toBe(CLIENTS);
  const stored = await ticketModel(t.db).find({ idempotencyKey: /^overload-/ }, { no: 1, idempotencyKey: 1 }).lean();
  expect(stored).toHaveLength(CLIENTS);
  expect(new Set(stored.map((s) => s.no)).size).toBe(CLIENTS);
  for (const s of stored) expect(numbers.get(Number(s.idempotencyKey.slice('overload-'.length)))).toBe(s.no);
}, 180_000);
