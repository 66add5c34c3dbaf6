/**
 * Races and stale writes: each state change is one versioned update (bff/src/db/atomic.ts), so
 * of many conflicting actions exactly one wins, the timeline has no gaps or duplicates, and a
 * client holding an old version learns it (412) instead of overwriting.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { act, buildTicket, buildWorld, must, staffGet, ticketIn, type World } from '../support/ticket-builders';
import { ticketModel } from '../../bff/src/tickets/model';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** version = number of timeline entries − 1 (the submit entry is version 0). */
async function expectConsistent(no: string): Promise<void> {
  const doc = await ticketModel(t.db).findOne({ no }).lean();
  expect(doc).not.toBeNull();
  expect(doc!.version).toBe(doc!.timeline.length - 1);
  for (let i = 1; i < doc!.timeline.length; i++) expect(doc!.timeline[i].from).toBe(doc!.timeline[i - 1].to);
  expect(doc!.timeline.at(-1)!.to).toBe(doc!.status);
}

describe('conflicting actions', () => {
  test('when 20 operators accept, reject or ask for material at once, then exactly one gets 200 and the rest 409', async () => {
    const { no } = await buildTicket(w);
    const bodies = [
      ['accept', {}],
      ['reject', { reasonCode: 'petition', note: '信访已受理' }],
      ['request-supplement', { note: '请补充地址' }],
    ] as const;
    // All three leave `submitted` for good, so whichever lands first makes the others impossible.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => act(w, w.operator.token, no, bodies[i % 3][0], bodies[i % 3][1])));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error.code))).toEqual(new Set(results.some((r) => r.body.error?.code === 'INVALID_TRANSITION') ? ['CONFLICT', 'INVALID_TRANSITION'] : ['CONFLICT']));
    const doc = await ticketModel(t.db).findOne({ no }).lean();
    expect(doc!.version).toBe(1);
    expect(doc!.timeline.map((e) => e.action)).toEqual(['submit', results.find((r) => r.status === 200)!.body.ticket.timeline.at(-1).action]);
    await expectConsistent(no);
  });

  test('when 20 stage reports race on a ticket being handled, then each either lands as its own entry or answers 409, never both, never lost', async () => {
    const { no } = await ticketIn(w, 'handling');
    const before = (await ticketModel(t.db).findOne({ no }).lean())!;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => act(w, w.handlerX.token, no, 'stage-report', { content: `进展报告 ${i}` })));
    const won = results.filter((r) => r.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || (r.status === 409 && r.body.error.code === 'CONFLICT'))).toBe(true);
    const doc = (await ticketModel(t.db).findOne({ no }).lean())!;
    expect(doc.version).toBe(before.version + won.length);
    const notes = doc.timeline.filter((e) => e.action === 'stage-report').map((e) => e.note);
    expect(new Set(notes).size).toBe(notes.length);
    expect(notes.sort()).toEqual(won.map((r) => r.body.ticket.timeline.at(-1).note).sort());
    await expectConsistent(no);
  });

  test('when the citizen withdraws while the operator accepts, then one of them wins and the other learns it', async () => {
    const { no, owner, version } = await buildTicket(w);
    // Both acted on the version they saw: without If-Match, an accept that lands before the
    // withdraw is read makes the withdraw a legal next step (both 200), so the race would be
    // decided by timing alone. The loser gets 409 (overlapping) or 412 (arrived after).
    const [withdraw, accept] = await Promise.all([act(w, owner.token, no, 'withdraw', {}, version), act(w, w.operator.token, no, 'accept', {}, version)]);
    const statuses = [withdraw.status, accept.status].sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    await expectConsistent(no);
  });
});

describe('If-Match', () => {
  test('when If-Match names the current version, then the action goes through', async () => {
    const { no } = await buildTicket(w);
    const res = await act(w, w.operator.token, no, 'accept', {}, 0);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
  });

  test('when If-Match names an older version, then 412 VERSION_MISMATCH with the current version, and nothing changes', async () => {
    const { no } = await buildTicket(w);
    await must(w, w.operator.token, no, 'accept', {});
    const res = await act(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x }, '"0"');
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([412, 'VERSION_MISMATCH', { version: 1 }]);
    expect((await staffGet(w, w.admin.token, no)).body.ticket.status).toBe('accepted');
  });

  test('when a citizen action carries a stale If-Match, then 412 as well', async () => {
    const { no, owner } = await ticketIn(w, 'visiting');
    const res = await t.http.post(`/api/v1/tickets/${no}/rate`).set({ Authorization: `Bearer ${owner.token}`, 'If-Match': 'W/"2"' }).send({ satisfaction: 'satisfied' });
    expect([res.status, res.body.error.code]).toEqual([412, 'VERSION_MISMATCH']);
  });

  test('when If-Match is not a version, then 400 INVALID_IF_MATCH', async () => {
    const { no } = await buildTicket(w);
    const res = await act(w, w.operator.token, no, 'accept', {}, 'abc');
    expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_IF_MATCH']);
  });
});
