/**
 * The database commands one citizen submit and one staff `accept` send (issue 11: few round
 * trips on the write paths). Counted through the driver's command monitoring while the request
 * runs; the list per collection is printed, and the bounds are what the design reaches, so a
 * new round trip on either path fails here first.
 */
import type { CommandStartedEvent } from 'mongodb';
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, must, type World } from '../support/ticket-builders';

/** Per collection, the commands in the order sent, e.g. `tickets: insert, find`. */
type Trace = Map<string, string[]>;

const CONTENT = '小区门口的路灯已经坏了两个星期，晚上出行很不安全，希望有关部门尽快安排维修。';

function collectionOf(e: CommandStartedEvent): string {
  const target = e.command[e.commandName];
  if (typeof target === 'string') return target;
  if (e.commandName === 'getMore' && typeof e.command.collection === 'string') return e.command.collection;
  return '(database)';
}

/** The filter of a command that has one. */
function filterOf(e: CommandStartedEvent): Record<string, unknown> | undefined {
  const c = e.command;
  if (e.commandName === 'find' || e.commandName === 'count') return c.filter ?? c.query;
  if (e.commandName === 'findAndModify') return c.query;
  if (e.commandName === 'update') return c.updates?.[0]?.q;
  if (e.commandName === 'delete') return c.deletes?.[0]?.q;
  if (e.commandName === 'aggregate') return c.pipeline?.[0]?.$match;
  return undefined;
}

/** `find by _id` for a lookup the engine answers by key; plain `find` for anything it must search. */
function labelOf(e: CommandStartedEvent): string {
  const filter = filterOf(e);
  const byId = filter !== undefined && Object.keys(filter)[0] === '_id' && typeof filter._id !== 'object';
  return byId ? `${e.commandName} by _id` : e.commandName;
}

/** Runs `request` and returns the commands the app sent to its database meanwhile. */
async function traced<T>(t: TestApp, request: () => Promise<T>): Promise<{ result: T; trace: Trace; total: number }> {
  const trace: Trace = new Map();
  let total = 0;
  const listener = (e: CommandStartedEvent): void => {
    if (e.databaseName !== t.db.name) return;
    const coll = collectionOf(e);
    trace.set(coll, [...(trace.get(coll) ?? []), labelOf(e)]);
    total++;
  };
  const client = t.db.getClient();
  client.on('commandStarted', listener);
  try {
    return { result: await request(), trace, total };
  } finally {
    client.off('commandStarted', listener);
  }
}

function report(label: string, trace: Trace, total: number): string {
  const lines = [...trace.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([coll, cmds]) => `  ${coll}: ${cmds.join(', ')}`);
  return `${label}: ${total} commands\n${lines.join('\n')}`;
}

describe('round trips of the write paths', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await buildTestApp({}, undefined, { monitorCommands: true });
    w = await buildWorld(t);
  });
  afterAll(async () => t.close());

  const submit = (key: string, i: number) =>
    t.http
      .post('/api/v1/tickets')
      .set(bearer(w.citizenA.token))
      .send({ type: 'complaint', content: `${CONTENT}（${i}）`, attachments: [], location: { address: '白银区人民路 1 号' }, idempotencyKey: key });

  it('when a citizen submits and an operator accepts, then each sends a handful of commands', async () => {
    // Warm-up: indexes built, the citizen's rate window opened, one ticket already in the area.
    const first = await submit('warm-up-key', 1);
    expect(first.status).toBe(201);
    await must(w, w.operator.token, first.body.ticket.no, 'accept');
    // Models compiled on first use build their indexes in the background: let them finish first.
    await Promise.all(Object.values(t.db.models).map((m) => m.init()));

    const submitted = await traced(t, () => submit('measured-key', 2));
    expect(submitted.result.status).toBe(201);
    const no = submitted.result.body.ticket.no as string;
    const accepted = await traced(t, () => t.http.post(`/api/admin/v1/tickets/${no}/accept`).set(bearer(w.operator.token)).send({}));
    expect(accepted.result.status).toBe(200);
    expect(accepted.result.body.ticket.status).toBe('accepted');
    // Not read back after the write, yet the answer is the ticket as stored.
    expect((await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token))).body.ticket).toMatchObject(accepted.result.body.ticket);

    process.stdout.write(`${report('submit', submitted.trace, submitted.total)}\n${report('accept', accepted.trace, accepted.total)}\n`);
    expect(submitted.total).toBeLessThanOrEqual(6);
    expect(accepted.total).toBeLessThanOrEqual(6);
  });
});
