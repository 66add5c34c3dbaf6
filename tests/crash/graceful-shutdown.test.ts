/**
 * Graceful shutdown (issue 20): SIGTERM to a real BFF process on its own embedded database,
 * while one request is still arriving and another never finishes. The BFF stops accepting at
 * once, finishes the first request, cuts the second at SHUTDOWN_TIMEOUT_MS, releases the
 * sweeper's lease, stops its database and exits 0.
 */
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { must } from '../bench/api';
import { embeddedEngine, startEmbeddedServer } from '../../bff/src/db/embedded-server';
import { connectDb } from '../../bff/src/db/connection';
import { leaseModel } from '../../bff/src/sweeper/lease';
import { ticketModel } from '../../bff/src/tickets/model';
import { runSecrets, startBff, withBffOutput, type BffProcess } from './bff-process';

const GRACE_MS = 3_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mashang-sigterm-'));
let bff: BffProcess | undefined;

const describePg = embeddedEngine() === 'postgresql' && !process.env.MONGODB_URI ? describe : describe.skip;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Slow {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; connection?: string; body: string } | { error: string }>;
}

/** A submit whose body arrives in two parts: the server holds it in flight until `finish()`. */
function slowSubmit(baseUrl: string, token: string, key: string): Slow {
  const body = Buffer.from(JSON.stringify({ type: 'help', content: '关机前提交的诉求：楼道灯坏了', attachments: [], idempotencyKey: key }));
  const req = http.request(`${baseUrl}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${token}` },
    agent: new http.Agent({ keepAlive: true }),
  });
  const response = new Promise<{ status: number; connection?: string; body: string } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
  });
  req.write(body.subarray(0, 20));
  return { finish: () => req.end(body.subarray(20)), response };
}

function databaseProcesses(): string {
  return (spawnSync('pgrep', ['-f', path.join(dataDir, 'db')], { encoding: 'utf8' }).stdout ?? '').trim();
}

afterAll(async () => {
  await bff?.kill9();
  rmSync(dataDir, { recursive: true, force: true });
});

describePg('graceful shutdown', () => {
  it(
    'when SIGTERM arrives during requests, then new connections are refused, the request in flight completes, a stuck one is cut at the deadline, the lease is released and the process exits 0',
    async () => {
      bff = await startBff({ dbName: 'mashang', env: { ...runSecrets(), DATA_DIR: dataDir, EMBEDDED_DB: 'postgresql', SWEEP_INTERVAL_MS: '300', SHUTDOWN_TIMEOUT_MS: String(GRACE_MS) } });
      const b = bff;
      await withBffOutput(() => [b], async () => {
        const token = (await must(200, b.baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: 'sigterm' } })).token as string;
        // the sweeper of this instance has taken its lease
        for (let i = 0; ; i++) {
          const ready = (await must(200, b.baseUrl, 'GET', '/api/health/ready')) as { checks: { sweeper: { lease: string } } };
          if (ready.checks.sweeper.lease === 'self') break;
          if (i > 100) throw new Error('the sweeper never took its lease');
          await pause(100);
        }
        const slow = slowSubmit(b.baseUrl, token, 'sigterm-slow-0001');
        const stuck = slowSubmit(b.baseUrl, token, 'sigterm-stuck-0001');
        await pause(300);
        const signalled = Date.now();
        process.kill(b.pid, 'SIGTERM');

        // Stops accepting at once: a new connection is refused.
        let refused = false;
        for (let i = 0; i < 30 && !refused; i++) {
          refused = await fetch(`${b.baseUrl}/api/health/live`, { signal: AbortSignal.timeout(1_000) }).then(
            () => false,
            () => true,
          );
          if (!refused) await pause(50);
        }
        expect(refused).toBe(true);

        // The request in flight is served to the end, and the connection is not kept.
        slow.finish();
        const done = await slow.response;
        expect(done).toMatchObject({ status: 201, connection: 'close' });
        const no = (JSON.parse((done as { body: string }).body) as { ticket: { no: string } }).ticket.no;

        // The stuck one is cut at the deadline; the process still exits 0.
        expect(await stuck.response).toEqual({ error: expect.stringMatching(/ECONNRESET|socket hang up/) });
        const exit = await b.exited;
        expect(exit).toEqual({ code: 0, signal: null });
        expect(Date.now() - signalled).toBeGreaterThanOrEqual(GRACE_MS - 200);
        expect(Date.now() - signalled).toBeLessThan(GRACE_MS + 15_000);
        expect(b.output()).toContain('"forced":1');

        // Its database stopped with it; started again, it holds the ticket and a released lease.
        expect(databaseProcesses()).toBe('');
        const embedded = await startEmbeddedServer(dataDir);
        try {
          const db = await connectDb(`${embedded.uri}mashang`);
          try {
            expect(await ticketModel(db).exists({ _id: no })).toBeTruthy();
            const lease = await leaseModel(db).findById('sweeper').lean();
            expect(lease?.holder.startsWith(`${b.pid}:`)).toBe(true);
            expect(lease!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
            expect(lease!.expiresAt.getTime()).toBeGreaterThanOrEqual(signalled - 1_000);
          } finally {
            await db.close();
          }
        } finally {
          await embedded.stop();
        }
      });
    },
    180_000,
  );
});
