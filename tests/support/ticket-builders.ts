/**
 * Builders for ticket tests: a small organisation with one account per role, and tickets walked
 * to any status through the real API (never by writing documents), so each test starts where
 * its rule applies.
 */
import type { Response } from 'supertest';
import type { TicketAction, TicketStatus, TicketType } from '@mashang/shared';
import type { TestApp } from './app';
import { buildCitizen, buildStaff, type TestStaff } from './builders/staff';
import { buildUnit } from './builders/units';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Citizen {
  id: string;
  token: string;
}

export interface World {
  t: TestApp;
  admin: TestStaff;
  operator: TestStaff;
  dispatcher: TestStaff;
  supervisor: TestStaff;
  visitor: TestStaff;
  /** District X with street X1 below it; unit Y elsewhere; C a co-unit. */
  units: { district: string; x: string; y: string; co: string };
  handlerX: TestStaff;
  handlerY: TestStaff;
  handlerCo: TestStaff;
  citizenA: Citizen;
  citizenB: Citizen;
}

let seq = 0;

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await buildStaff(t, { roles: ['admin'] });
  const city = await buildUnit(t, admin.token, { name: `测试市${++seq}`, level: 'city' });
  const district = await buildUnit(t, admin.token, { name: '甲区', level: 'district', parent: city.id });
  const x = await buildUnit(t, admin.token, { name: '甲街道', level: 'street', parent: district.id });
  const y = await buildUnit(t, admin.token, { name: '城管局', level: 'city', kind: 'department', parent: city.id });
  const co = await buildUnit(t, admin.token, { name: '供水公司', level: 'city', kind: 'utility', parent: city.id });
  return {
    t,
    admin,
    operator: await buildStaff(t, { roles: ['operator'], name: '王受理' }),
    dispatcher: await buildStaff(t, { roles: ['dispatcher'] }),
    supervisor: await buildStaff(t, { roles: ['supervisor'] }),
    visitor: await buildStaff(t, { roles: ['visitor'] }),
    units: { district: district.id, x: x.id, y: y.id, co: co.id },
    handlerX: await buildStaff(t, { roles: ['handler'], unit: x.id }),
    handlerY: await buildStaff(t, { roles: ['handler'], unit: y.id }),
    handlerCo: await buildStaff(t, { roles: ['handler'], unit: co.id }),
    citizenA: await buildCitizen(t),
    citizenB: await buildCitizen(t),
  };
}

export interface TicketInput {
  type?: TicketType;
  content?: string;
  /** true: confidential; false (the builders' default): the citizen consented to disclosure (004 §14 discloseIdentity). */
  confidential?: boolean;
  contact?: { name: string; phone: string };
  idempotencyKey?: string;
  attachments?: string[];
}

export interface BuiltTicket {
  no: string;
  version: number;
  /** The citizen who submitted it (a fresh one per ticket unless given: 20 submits per hour each). */
  owner: Citizen;
}

/** `buildTicket(world, overrides)`: a citizen's submitted ticket (201). */
export async function buildTicket(w: World, input: TicketInput = {}, citizen?: Citizen): Promise<BuiltTicket> {
  const owner = citizen ?? (await buildCitizen(w.t));
  const body = {
    type: input.type ?? 'complaint',
    content: input.content ?? '小区门口的路灯坏了三天，晚上很黑，老人走路不安全',
    attachments: input.attachments ?? [],
    idempotencyKey: input.idempotencyKey ?? `key-${Date.now().toString(36)}-${++seq}`,
    ...(input.confidential === true ? { confidential: true } : { discloseIdentity: true }),
    ...(input.contact ? { contact: input.contact } : {}),
  };
  const res = await w.t.http.post('/api/v1/tickets').set(bearer(owner.token)).send(body);
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { no: res.body.ticket.no, version: res.body.ticket.version, owner };
}

const isCitizenToken = (token: string): boolean => {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { aud?: string };
  return payload.aud === 'mashang-citizen';
};

/** POST an action: citizen tokens use the citizen API (supplement/withdraw/rate), staff tokens the generic admin route. */
export function act(w: World, token: string, no: string, action: TicketAction, body: unknown = {}, ifMatch?: number | string): Promise<Response> {
  const path = isCitizenToken(token) ? `/api/v1/tickets/${no}/${action}` : `/api/admin/v1/tickets/${no}/${action}`;
  const req = w.t.http.post(path).set(bearer(token));
  if (ifMatch !== undefined) req.set('If-Match', String(ifMatch));
  return req.send(body as object);
}

/** Like `act`, but the action must succeed. */
export async function must(w: World, token: string, no: string, action: TicketAction, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await act(w, token, no, action, body);
  if (res.status !== 200) throw new Error(`${action} on ${no} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket;
}

/** The steps of the closed loop, in order, each with who does it (000 §8). */
export function loopSteps(w: World, owner: Citizen): Array<{ status: TicketStatus; action: TicketAction; token: string; body: unknown }> {
  return [
    { status: 'accepted', action: 'accept', token: w.operator.token, body: {} },
    { status: 'dispatched', action: 'dispatch', token: w.dispatcher.token, body: { leadUnit: w.units.x, coUnits: [w.units.co] } },
    { status: 'handling', action: 'sign', token: w.handlerX.token, body: {} },
    { status: 'replied', action: 'reply', token: w.handlerX.token, body: { result: '已更换路灯灯泡，恢复照明' } },
    { status: 'visiting', action: 'review', token: w.operator.token, body: { approve: true } },
    { status: 'closed', action: 'rate', token: owner.token, body: { satisfaction: 'satisfied' } },
  ];
}

/** A ticket walked through the loop up to `status` (one of the loop's statuses). */
export async function ticketIn(w: World, status: TicketStatus, input: TicketInput = {}): Promise<BuiltTicket> {
  const built = await buildTicket(w, input);
  if (status === 'submitted') return built;
  for (const step of loopSteps(w, built.owner)) {
    await must(w, step.token, built.no, step.action, step.body);
    if (step.status === status) return built;
  }
  throw new Error(`status ${status} is not on the loop`);
}

export async function staffGet(w: World, token: string, no: string): Promise<Response> {
  return w.t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(token));
}

/** A tiny real PNG head: enough for the magic-byte check of attachments. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  Buffer.alloc(64, 1),
]);

/** An image uploaded by the citizen through the real upload flow (policy, then the form post); returns its key. */
export async function uploadImage(w: World, citizen: Citizen): Promise<string> {
  const issued = await w.t.http.post('/api/v1/uploads').set(bearer(citizen.token)).send({ kind: 'image', mime: 'image/png', size: PNG.length });
  if (issued.status !== 201) throw new Error(`upload policy failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const form = w.t.http.post(new URL(issued.body.uploadUrl).pathname);
  for (const [k, v] of Object.entries(issued.body.fields as Record<string, string>)) form.field(k, v);
  const put = await form.attach('file', PNG, { filename: 'photo.png', contentType: 'image/png' });
  if (put.status !== 200) throw new Error(`upload failed: ${put.status} ${JSON.stringify(put.body)}`);
  return issued.body.key;
}
