/**
 * Crash safety of submit: citizens keep submitting (retrying with the same idempotency key on
 * any failure) while the BFF process is killed with SIGKILL twice and restarted on the same
 * port. Afterwards every submission is stored exactly once, under the number that was
 * acknowledged, and every ticket's timeline and version are intact.
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
import { postUntilAcknowledged, type Ack } from './retrying-client';
import { timelineProblems } from './ticket-checks';

const CITIZENS = 8;
const SUBMITS_EACH = 8;
/** Kill when this many submissions have been acknowledged in total. */
const KILL_AT = [14, 38];


const dbName = `crash_submit_${randomBytes(4).toString('hex')}`;
const env = { ...runSecrets(), DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mashang-crash-')), SWEEP_INTERVAL_MS: '0' };
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

async function citizenTokens(): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < CITIZENS; i++) tokens.push((await must(200, bff.baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: `crash${i}` } })).token as string);
  return tokens;
}

/** One citizen's submissions, one after another, each retried until acknowledged. */
async function citizenRun(c: number, token: string, port: number, acks: Ack[]): Promise<void> {
  for (let k = 0; k < SUBMITS_EACH; k++) {
    const key = `crash-${c}-${k}-${randomBytes(3).toString('hex')}`;
    const body = { type: 'help', content: `第${c}位市民的第${k}条诉求：楼道灯坏了，请维修`, attachments: [], idempotencyKey: key };
    const res = await postUntilAcknowledged(`http://127.0.0.1:${port}/api/v1/tickets`, token, body, { deadlineMs: 120_000, attemptTimeoutMs: 10_000, pauseMs: 100 });
    acks.push({ key, no: (res.json.ticket as { no: string }).no, attempts: res.attempts });
  }
}

/** Kills the BFF whenever the acknowledged count passes the next mark, and starts it again on the same port. */
async function killer(acks: Ack[], done: () => boolean): Promise<number> {
  let kills = 0;
  for (const mark of KILL_AT) {
    while (acks.length < mark && !done()) await new Promise((r) => setTimeout(r, 20));
    if (done()) break;
    await bff.kill9();
    kills++;
    bff = await startBff({ serverUri: serverUri(), dbName, env, port: bff.port });
  }
  return kills;
}

describe('crash safety: kill -9 during submissions', () => {
  it(
    'when the BFF is killed twice under a submit load with client retries, then every acknowledged submission is stored exactly once under its acknowledged number and no timeline or version is broken',
    () => withBffOutput(() => [bff], async () => {
      const tokens = await citizenTokens();
      const acks: Ack[] = [];
      let finished = false;
      const clients = Promise.all(tokens.map((token, c) => citizenRun(c, token, bff.port, acks))).finally(() => (finished = true));
      const [kills] = await Promise.all([killer(acks, () => finished), clients]);
      expect(kills).toBe(KILL_AT.length);
      expect(acks).toHaveLength(CITIZENS * SUBMITS_EACH);
      // Retries happened: some submissions were in flight when the process died.
      expect(acks.some((a) => a.attempts > 1)).toBe(true);

      const stored = await db.collection<TicketDoc>('tickets').find({}).toArray();
      const byKey = new Map<string, TicketDoc[]>();
      for (const t of stored) byKey.set(t.idempotencyKey, [...(byKey.get(t.idempotencyKey) ?? []), t]);
      expect(stored).toHaveLength(acks.length);
      expect(new Set(stored.map((t) => t.no)).size).toBe(stored.length);
      for (const ack of acks) {
        expect(byKey.get(ack.key)?.map((t) => t.no)).toEqual([ack.no]);
      }
      expect(stored.flatMap(timelineProblems)).toEqual([]);
      // Every reserved number ended up on its ticket: a retry after a crash reused the reservation.
      const intakes = await db.collection<{ _id: string; no: string }>('ticket_intake').find({}).toArray();
      expect(intakes.map((i) => i.no).sort()).toEqual(stored.map((t) => t.no).sort());

      // The restarted BFF serves them: each citizen sees exactly their own submissions.
      for (const token of tokens) {
        const list = await api(bff.baseUrl, 'GET', `/api/v1/tickets?limit=${SUBMITS_EACH + 5}`, { token });
        expect(list.status).toBe(200);
        expect((list.body.items as unknown[]).length).toBe(SUBMITS_EACH);
      }
    }),
    240_000,
  );
});
