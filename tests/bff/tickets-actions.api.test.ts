/**
 * Every action of the state machine through the API: once by a role the table allows (the
 * ticket moves and the timeline records who, when, from and to — 004 §4), once by a role it
 * does not (403, or 404 where the actor may not even see the ticket).
 */
import type { TicketAction, TicketStatus } from '@mashang/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildTicket, buildWorld, must, staffGet, ticketIn, type BuiltTicket, type World } from '../support/ticket-builders';
import { followerModel } from '../../bff/src/duplicates/followers';
import { supervisionModel } from '../../bff/src/supervision/model';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** `owner` is the ticket's own citizen, `stranger` another citizen. */
type Who = keyof Pick<World, 'operator' | 'dispatcher' | 'supervisor' | 'visitor' | 'handlerX' | 'handlerY' | 'handlerCo' | 'admin'> | 'owner' | 'stranger';
const token = (who: Who, b: BuiltTicket): string => (who === 'owner' ? b.owner.token : who === 'stranger' ? w.citizenB.token : w[who].token);

/** Brings a fresh citizen-A ticket to where the action applies. */
async function setup(start: string): Promise<BuiltTicket> {
  if (start === 'consultation') return buildTicket(w, { type: 'consultation', content: '请问办理居住证需要带哪些材料？' });
  const before: Record<string, [TicketStatus, (b: BuiltTicket) => [string, TicketAction, Record<string, unknown>]]> = {
    supplementing: ['submitted', () => [w.operator.token, 'request-supplement', { note: '请补充具体位置' }]],
    returning: ['dispatched', () => [w.handlerX.token, 'request-return', { reason: '不属于本单位职责' }]],
    unsatisfied: ['visiting', (b) => [b.owner.token, 'rate', { satisfaction: 'unsatisfied', comment: '路灯还是不亮' }]],
    'extension-pending': ['handling', () => [w.handlerX.token, 'request-extension', { workingDays: 5, reason: '需要更换线路，材料采购中' }]],
  };
  const special = before[start];
  if (!special) return ticketIn(w, start as TicketStatus);
  const built = await ticketIn(w, special[0]);
  const [tok, action, body] = special[1](built);
  await must(w, tok, built.no, action, body);
  return built;
}

interface Case {
  action: TicketAction;
  start: string;
  allowed: Who;
  body: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  to: TicketStatus;
  denied: Who;
  deniedAs: [number, string];
}

const CASES: Case[] = [
  { action: 'accept', start: 'submitted', allowed: 'operator', body: { note: '属实，受理' }, to: 'accepted', denied: 'dispatcher', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'reject', start: 'submitted', allowed: 'operator', body: { reasonCode: 'petition', note: '信访部门已受理' }, to: 'rejected', denied: 'supervisor', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'request-supplement', start: 'submitted', allowed: 'operator', body: { note: '请补充具体位置' }, to: 'supplementing', denied: 'visitor', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'supplement', start: 'supplementing', allowed: 'owner', body: { content: '在四龙路12号楼东门口' }, to: 'submitted', denied: 'operator', deniedAs: [404, 'ROUTE_NOT_FOUND'] /* the staff API has no operation for the citizen's own actions */ },
  { action: 'answer', start: 'consultation', allowed: 'operator', body: { answer: '携带身份证和居住证明到派出所办理' }, to: 'visiting', denied: 'visitor', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'dispatch', start: 'accepted', allowed: 'dispatcher', body: () => Promise.resolve({ leadUnit: w.units.x }), to: 'dispatched', denied: 'operator', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'sign', start: 'dispatched', allowed: 'handlerX', body: {}, to: 'handling', denied: 'handlerCo', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'request-return', start: 'dispatched', allowed: 'handlerX', body: { reason: '不属于本单位职责' }, to: 'returning', denied: 'handlerCo', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'decide-return', start: 'returning', allowed: 'dispatcher', body: { approve: true, note: '改派' }, to: 'accepted', denied: 'supervisor', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'reply', start: 'handling', allowed: 'handlerX', body: { result: '已修复' }, to: 'replied', denied: 'handlerCo', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'review', start: 'replied', allowed: 'operator', body: { approve: true }, to: 'visiting', denied: 'handlerX', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'rate', start: 'visiting', allowed: 'owner', body: { satisfaction: 'basic' }, to: 'closed', denied: 'operator', deniedAs: [404, 'ROUTE_NOT_FOUND'] },
  { action: 'visit', start: 'visiting', allowed: 'visitor', body: { answered: true, satisfaction: 'satisfied' }, to: 'closed', denied: 'dispatcher', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'decide-reopen', start: 'unsatisfied', allowed: 'operator', body: { reopen: true, note: '诉求合理，退回重办' }, to: 'handling', denied: 'dispatcher', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'terminate', start: 'accepted', allowed: 'operator', body: { reasonCode: 'no-cooperation', note: '多次联系不上诉求人' }, to: 'terminated', denied: 'dispatcher', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'withdraw', start: 'submitted', allowed: 'owner', body: { reason: '已自行解决' }, to: 'withdrawn', denied: 'stranger', deniedAs: [404, 'TICKET_NOT_FOUND'] },
  { action: 'request-extension', start: 'handling', allowed: 'handlerX', body: { workingDays: 5, reason: '需要协调施工单位' }, to: 'handling', denied: 'handlerCo', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'decide-extension', start: 'extension-pending', allowed: 'supervisor', body: { approve: true }, to: 'handling', denied: 'operator', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'stage-report', start: 'handling', allowed: 'handlerX', body: { content: '已联系供电公司，预计周五更换' }, to: 'handling', denied: 'handlerCo', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'co-result', start: 'handling', allowed: 'handlerCo', body: { result: '供水管线不受影响' }, to: 'handling', denied: 'handlerX', deniedAs: [403, 'NOT_YOUR_UNIT'] },
  { action: 'supervise', start: 'handling', allowed: 'supervisor', body: { means: 'written-feedback', note: '请三日内书面反馈' }, to: 'handling', denied: 'operator', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
  { action: 'merge', start: 'submitted', allowed: 'operator', body: async () => ({ into: (await buildTicket(w)).no }), to: 'terminated', denied: 'visitor', deniedAs: [403, 'ROLE_NOT_ALLOWED'] },
];

describe.each(CASES)('$action', (c) => {
  test(`when ${c.allowed} performs it from ${c.start}, then 200, status ${c.to} and a timeline entry`, async () => {
    const b = await setup(c.start);
    const no = b.no;
    const before = (await staffGet(w, w.admin.token, no)).body.ticket;
    const body = typeof c.body === 'function' ? await c.body() : c.body;
    const res = await act(w, token(c.allowed, b), no, c.action, body);
    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe(c.to);
    expect(res.body.ticket.version).toBe(before.version + 1);
    const after = (await staffGet(w, w.admin.token, no)).body.ticket;
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
    expect(after.timeline.at(-1)).toMatchObject({ action: c.action, from: before.status, to: c.to, actor: { kind: c.allowed === 'owner' ? 'citizen' : 'staff' } });
  });

  test(`when ${c.denied} tries it, then ${c.deniedAs[0]} ${c.deniedAs[1]} and the ticket is unchanged`, async () => {
    const b = await setup(c.start);
    const no = b.no;
    const body = typeof c.body === 'function' ? await c.body() : c.body;
    const res = await act(w, token(c.denied, b), no, c.action, body);
    expect([res.status, res.body.error?.code]).toEqual(c.deniedAs);
    expect((await staffGet(w, w.admin.token, no)).body.ticket.timeline.at(-1).action).not.toBe(c.action);
  });
});

describe('effects of actions', () => {
  test('when a supervisor supervises, then a 督办 record is opened for the ticket (000 §22)', async () => {
    const { no } = await setup('handling');
    await must(w, w.supervisor.token, no, 'supervise', { means: 'reminder', note: '请加快办理' });
    expect(await supervisionModel(t.db).find({ ticketNo: no }).lean()).toEqual([expect.objectContaining({ trigger: 'manual', means: 'reminder', unit: w.units.x, status: 'open' })]);
  });

  test('when an unsatisfied rating is reopened (重办), then the round grows, the reopen is counted and a bad-rating supervision opens (000 §17)', async () => {
    const { no } = await setup('unsatisfied');
    const ticket = await must(w, w.operator.token, no, 'decide-reopen', { reopen: true, note: '退回重办' });
    expect(ticket).toMatchObject({ status: 'handling', round: 2, reopenCount: 1 });
    expect(await supervisionModel(t.db).countDocuments({ ticketNo: no, trigger: 'bad-rating' })).toBe(1);
  });

  test('when a dispatch names a unit that does not exist, then 422 UNIT_NOT_FOUND', async () => {
    const { no } = await setup('accepted');
    const res = await act(w, w.dispatcher.token, no, 'dispatch', { leadUnit: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect([res.status, res.body.error.code]).toEqual([422, 'UNIT_NOT_FOUND']);
  });

  test('when a ticket is merged, then its citizen follows the ticket it continues under', async () => {
    const target = (await buildTicket(w)).no;
    const { no, owner } = await setup('submitted');
    await must(w, w.operator.token, no, 'merge', { into: target });
    const mine = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200);
    expect(mine.body.ticket.termination).toMatchObject({ code: 'duplicate-merged' });
    expect(await followerModel(t.db).findById(`${target}:${owner.id}`).lean()).toMatchObject({ via: 'merged', fromTicket: no });
  });
});
