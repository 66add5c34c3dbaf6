/**
 * Walks tickets through the real API for the sweeper, supervision and stats tests: a citizen
 * submits, the operator accepts, the dispatcher dispatches, the unit signs and replies, the
 * operator reviews, the citizen rates.
 */
import type { Satisfaction, TicketType } from '@mashang/shared';
import { SWEEP_LEASE, runSweep, type SweepReport } from '../../bff/src/sweeper/sweeper';
import { leaseModel, releaseLease } from '../../bff/src/sweeper/lease';
import type { TestApp } from '../support/app';
import { buildCitizen, buildStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Cast {
  admin: TestStaff;
  operator: TestStaff;
  dispatcher: TestStaff;
  supervisor: TestStaff;
  visitor: TestStaff;
  city: string;
}

export async function buildCast(t: TestApp, cityName: string): Promise<Cast> {
  const admin = await buildStaff(t, { roles: ['admin'] });
  const city = (await buildUnit(t, admin.token, { name: cityName, level: 'city' })).id;
  return {
    admin,
    city,
    operator: await buildStaff(t, { roles: ['operator'] }),
    dispatcher: await buildStaff(t, { roles: ['dispatcher'] }),
    supervisor: await buildStaff(t, { roles: ['supervisor'] }),
    visitor: await buildStaff(t, { roles: ['visitor'] }),
  };
}

export interface UnitCast {
  id: string;
  handler: TestStaff;
}

export async function buildHandlingUnit(t: TestApp, cast: Cast, name: string, parent = cast.city, level: 'district' | 'street' | 'community' = 'district'): Promise<UnitCast> {
  const id = (await buildUnit(t, cast.admin.token, { name, level, parent })).id;
  return { id, handler: await buildStaff(t, { roles: ['handler'], unit: id }) };
}

let keySeq = 0;

export async function submit(t: TestApp, citizenToken: string, content: string, type: TicketType = 'complaint'): Promise<string> {
  keySeq += 1;
  // These citizens agree that the units see who they are (004 §14); confidentiality by default is tested in tickets-access.
  const res = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).send({ type, content, discloseIdentity: true, idempotencyKey: `sweep-key-${keySeq}-${Date.now()}` });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.no as string;
}

export async function act(t: TestApp, token: string, no: string, action: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await t.http.post(`/api/admin/v1/tickets/${no}/${action}`).set(bearer(token)).send(body);
  if (res.status !== 200) throw new Error(`${action} on ${no} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket as Record<string, unknown>;
}

export async function citizenAct(t: TestApp, token: string, no: string, action: string, body: Record<string, unknown>): Promise<void> {
  const res = await t.http.post(`/api/v1/tickets/${no}/${action}`).set(bearer(token)).send(body);
  if (res.status !== 200) throw new Error(`${action} on ${no} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function newCitizen(t: TestApp): Promise<{ id: string; token: string }> {
  return buildCitizen(t, `sweep${++keySeq}`);
}

/** Submitted → accepted → dispatched to `unit`. */
export async function dispatched(t: TestApp, cast: Cast, citizenToken: string, unit: string, content = '小区门口的路灯坏了一个多月，晚上出行很不安全'): Promise<string> {
  const no = await submit(t, citizenToken, content);
  await act(t, cast.operator.token, no, 'accept');
  await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit });
  return no;
}

export async function signed(t: TestApp, cast: Cast, citizenToken: string, unit: UnitCast, content?: string): Promise<string> {
  const no = await dispatched(t, cast, citizenToken, unit.id, content);
  await act(t, unit.handler.token, no, 'sign');
  return no;
}

/** … → replied by the unit → approved by the operator (visiting). */
export async function visiting(t: TestApp, cast: Cast, citizenToken: string, unit: UnitCast, content?: string): Promise<string> {
  const no = await signed(t, cast, citizenToken, unit, content);
  await act(t, unit.handler.token, no, 'reply', { result: '已安排维修人员更换灯具，现已恢复照明' });
  await act(t, cast.operator.token, no, 'review', { approve: true });
  return no;
}

export async function rate(t: TestApp, citizenToken: string, no: string, satisfaction: Satisfaction): Promise<void> {
  await citizenAct(t, citizenToken, no, 'rate', { satisfaction });
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** Lets the next sweep take the lease (the previous holder shut down cleanly; tests move the clock back and forth). */
export async function releaseSweepLease(t: TestApp): Promise<void> {
  const held = await leaseModel(t.db).findById(SWEEP_LEASE).lean();
  if (held) await releaseLease(t.db, SWEEP_LEASE, held.holder, t.clock.now());
}

let sweepSeq = 0;

/** One sweep now, as a fresh instance would run it. */
export async function sweepNow(t: TestApp): Promise<SweepReport> {
  await releaseSweepLease(t);
  return runSweep(t.deps, { holder: `test-sweep-${++sweepSeq}` });
}
