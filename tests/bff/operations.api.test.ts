/**
 * Operating the BFF (issue 20): the liveness and readiness probes, and the Prometheus endpoint,
 * through the real app on the real database.
 */
import supertest from 'supertest';
import { createApp } from '../../bff/src/app';
import { buildTestApp, type TestApp } from '../support/app';
import { connectTestDb } from '../support/db';
import { buildWorld, ticketIn, type World } from '../support/ticket-builders';
import { createMetrics, type Metrics } from '../../bff/src/metrics/metrics';
import { recordDbCommands } from '../../bff/src/metrics/db-commands';
import { runSweep } from '../../bff/src/sweeper/sweeper';
import { deliverDueNotices } from '../../bff/src/outbox/service';
import { noticeModel } from '../../bff/src/outbox/model';
import { isDatabaseUnavailable } from '../../bff/src/db/connection';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample line `name{labels} value`, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when /api/health/live is asked, then it answers 200 {status: live} without touching the database', async () => {
    const closed = await connectTestDb('live');
    await closed.close();
    const http = supertest(createApp({ ...t.deps, db: closed }).callback());
    const res = await http.get('/api/health/live').expect(200);
    expect(res.body).toEqual({ status: 'live', uptimeSeconds: expect.any(Number) });
  });

  it('when the database answers, then /api/health/ready is 200 with the lease state and the outbox backlog', async () => {
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.database.ok).toBe(true);
    expect(res.body.checks.sweeper).toEqual({ enabled: true, lease: 'free' });
    expect(res.body.checks.outbox).toEqual({ queued: 0, due: 0, failed: 0 });
  });

  it('when this instance has run a sweep pass, then readiness says it holds the lease and when the pass started', async () => {
    expect((await runSweep(t.deps)).ran).toBe(true);
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body.checks.sweeper.lease).toBe('self');
    expect(res.body.checks.sweeper.lastPassAt).toBe(t.clock.now().toISOString());
    // another instance sees it held by someone else
    const other = await runSweep(t.deps, { holder: 'another-instance' });
    expect(other.ran).toBe(false);
  });

  it('when the database cannot be reached, then /api/health/ready answers 503 within about a second, never a 500', async () => {
    const closed = await connectTestDb('ready');
    await closed.close();
    const http = supertest(createApp({ ...t.deps, db: closed }).callback());
    const started = Date.now();
    const res = await http.get('/api/health/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(res.headers['retry-after']).toBeTruthy();
    expect(res.body.status).toBe('unavailable');
    expect(res.body.checks.database.ok).toBe(false);
  });

  it('when the instance is draining for a shutdown, then readiness is 503 draining while liveness stays 200', async () => {
    const http = supertest(createApp({ ...t.deps, lifecycle: { draining: true } }).callback());
    expect((await http.get('/api/health/ready').expect(503)).body.status).toBe('draining');
    await http.get('/api/health/live').expect(200);
    await http.get('/api/health').expect(200);
  });

  it('when the OpenAPI document is read, then both probes are in it with their answers', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
    expect(doc.paths['/api/health/live'].get.responses['200']).toBeTruthy();
    expect(Object.keys(doc.paths['/api/health/ready'].get.responses)).toEqual(expect.arrayContaining(['200', '503']));
    expect(doc.paths['/api/metrics']).toBeUndefined();
  });
});

describe('Prometheus metrics', () => {
  let t: TestApp;
  let w: World;
  let metrics: Metrics;
  let http: ReturnType<typeof supertest>;
  let stopRecording: () => void;
  const scrape = async () => (await http.get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  beforeAll(async () => {
    t = await buildTestApp({ METRICS_TOKEN: TOKEN });
    metrics = createMetrics();
    stopRecording = recordDbCommands(t.db, metrics);
    http = supertest(createApp({ ...t.deps, metrics }).callback());
    w = await buildWorld({ ...t, http });
  });
  afterAll(async () => {
    stopRecording();
    await t.close();
  });

  it('when METRICS_TOKEN is not set, then /api/metrics does not exist (404)', async () => {
    const plain = await buildTestApp();
    try {
      expect((await plain.http.get('/api/metrics').expect(404)).body.error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await plain.close();
    }
  });

  it('when the token is missing or wrong, then it answers 401 with the error shape', async () => {
    expect((await http.get('/api/metrics').expect(401)).body.error.code).toBe('METRICS_TOKEN_REQUIRED');
    await http.get('/api/metrics').set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
  });

  it('when requests were served, then their durations are counted by route template and status', async () => {
    await http.get('/api/health/live').expect(200);
    await http.get('/api/v1/tickets/20260101-000001').set('Authorization', `Bearer ${w.citizenA.token}`).expect(404);
    await http.get('/api/nothing-here').expect(404);
    const text = await scrape();
    expect(text).toMatch(/^# TYPE mashang_http_request_duration_seconds histogram$/m);
    expect(sample(text, 'mashang_http_request_duration_seconds_count', { method: 'GET', route: '/api/health/live', status: '200' })).toBe(1);
    expect(sample(text, 'mashang_http_request_duration_seconds_count', { route: '/api/v1/tickets/:no', status: '404' })).toBe(1);
    expect(sample(text, 'mashang_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
    expect(text).not.toContain('20260101-000001');
  });

  it('when the app used the database, then command latencies are there by command name', async () => {
    const text = await scrape();
    expect(sample(text, 'mashang_db_command_duration_seconds_count', { command: 'insert', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(text, 'mashang_db_command_duration_seconds_count', { command: 'find', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(text, 'mashang_database_up')).toBe(1);
  });

  it('when tickets are open, due soon and overdue, then the gauges count them for the active profile', async () => {
    await ticketIn(w, 'submitted');
    const dispatched = await ticketIn(w, 'dispatched');
    const profile = { profile: 'baiyin' };
    let text = await scrape();
    expect(sample(text, 'mashang_tickets_open', profile)).toBe(2);
    expect(sample(text, 'mashang_tickets_overdue', profile)).toBe(0);
    expect(sample(text, 'mashang_tickets_due_soon', profile)).toBe(0);

    const detail = await http.get(`/api/admin/v1/tickets/${dispatched.no}`).set('Authorization', `Bearer ${w.dispatcher.token}`).expect(200);
    const dueAt = new Date(detail.body.ticket.dueAt as string);
    t.clock.set(new Date(dueAt.getTime() - 3_600_000));
    text = await scrape();
    expect(sample(text, 'mashang_tickets_due_soon', profile)).toBe(1);
    expect(sample(text, 'mashang_tickets_overdue', profile)).toBe(0);

    t.clock.set(new Date(dueAt.getTime() + 3_600_000));
    text = await scrape();
    expect(sample(text, 'mashang_tickets_due_soon', profile)).toBe(0);
    expect(sample(text, 'mashang_tickets_overdue', profile)).toBe(1);
    expect(sample(text, 'mashang_tickets_open', profile)).toBe(2);
  });

  it('when the sweeper runs, then its pass duration and its lag are measured', async () => {
    expect(sample(await scrape(), 'mashang_sweeper_lag_seconds')).toBeUndefined();
    expect((await runSweep({ ...t.deps, metrics })).ran).toBe(true);
    t.clock.advance(90_000);
    const text = await scrape();
    expect(sample(text, 'mashang_sweeper_pass_duration_seconds_count', { outcome: 'ran' })).toBe(1);
    expect(sample(text, 'mashang_sweeper_last_pass_timestamp_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'mashang_sweeper_lag_seconds', { lease: 'sweeper' })).toBe(90);
  });

  it('when notices wait and a delivery fails, then the backlog and the failed attempts show', async () => {
    const now = t.clock.now();
    await noticeModel(t.db).create({
      _id: 'metrics-1:1:accepted',
      ticketNo: 'metrics-1',
      ticketVersion: 1,
      template: 'accepted',
      openid: 'dev_metrics',
      page: 'pages/index/index',
      fields: { no: 'metrics-1', title: '测试', status: '已受理', time: '2026-11-24' },
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      version: 0,
    });
    let text = await scrape();
    expect(sample(text, 'mashang_outbox_notices', { state: 'queued' })).toBe(1);
    expect(sample(text, 'mashang_outbox_notices', { state: 'due' })).toBe(1);
    // no WeChat client in this app: the attempt fails and is scheduled again
    await deliverDueNotices({ ...t.deps, metrics });
    text = await scrape();
    expect(sample(text, 'mashang_outbox_deliveries_total', { outcome: 'retrying' })).toBe(1);
    expect(sample(text, 'mashang_outbox_notices', { state: 'due' })).toBe(0);
    expect(sample(text, 'mashang_outbox_notices', { state: 'queued' })).toBe(1);
  });

  it('when the token is set, then the OpenAPI document lists /api/metrics', async () => {
    const doc = (await http.get('/api/openapi.json').expect(200)).body;
    expect(doc.paths['/api/metrics'].get).toBeTruthy();
  });
});

describe('database errors answered 503', () => {
  const socketError = (code: string, where: string) => Object.assign(new Error('This socket has been ended by the other party'), { code, stack: `Error: x\n    at Connection.writeCommand (${where})` });

  it('when the driver throws a bare socket error (EPIPE after the server was killed), then it counts as the database unavailable', () => {
    expect(isDatabaseUnavailable(socketError('EPIPE', '/app/node_modules/mongodb/lib/cmap/connection.js:722:23'))).toBe(true);
  });

  it('when the same socket error comes from elsewhere (WeChat, OSS), then it is not the database', () => {
    expect(isDatabaseUnavailable(socketError('ECONNRESET', '/app/bff/src/wechat/http.ts:40:3'))).toBe(false);
  });
});
