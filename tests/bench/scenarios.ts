/**
 * The BFF scenarios, in the order they run: submissions first (their tickets feed the reads
 * and the `accept` pool), then reads, the state transition, and the monthly stats.
 */
import { randomBytes } from 'node:crypto';
import { shanghaiDay, TICKET_TYPES } from '@mashang/shared';
import type { HttpScenario } from './http-load';
import type { BenchActors } from './setup';

export interface Submitted {
  no: string;
  citizen: number;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const CONTENT = '小区门口的路灯已经坏了两个星期，晚上出行很不安全，希望有关部门尽快安排维修。';

/** POST /api/v1/tickets with a fresh idempotency key per request, rotating over the citizens. */
export function submitScenario(a: BenchActors, seconds: number, into: Submitted[]): HttpScenario {
  const run = randomBytes(4).toString('hex');
  return {
    name: 'citizen submit (POST /api/v1/tickets)',
    method: 'POST',
    seconds,
    build: (i, conn) => {
      const citizen = i % a.citizens.length;
      conn.citizen = citizen;
      return {
        path: '/api/v1/tickets',
        headers: bearer(a.citizens[citizen].token),
        body: { type: TICKET_TYPES[i % TICKET_TYPES.length], content: `${CONTENT}（${i}）`, attachments: [], location: { address: '白银区人民路 1 号' }, idempotencyKey: `bench-${run}-${i}` },
      };
    },
    onAnswer: (status, body, conn) => {
      if (status !== 201) return;
      const no = (JSON.parse(body) as { ticket?: { no?: string } }).ticket?.no;
      if (no) into.push({ no, citizen: conn.citizen as number });
    },
  };
}

export function detailScenario(a: BenchActors, seconds: number, pool: Submitted[]): HttpScenario {
  return {
    name: 'citizen detail (GET /api/v1/tickets/{no})',
    method: 'GET',
    seconds,
    build: (i) => {
      const t = pool[(i * 7919) % pool.length];
      return { path: `/api/v1/tickets/${t.no}`, headers: bearer(a.citizens[t.citizen].token) };
    },
  };
}

export function citizenListScenario(a: BenchActors, seconds: number): HttpScenario {
  return {
    name: 'citizen list (GET /api/v1/tickets)',
    method: 'GET',
    seconds,
    build: (i) => ({ path: '/api/v1/tickets', headers: bearer(a.citizens[i % a.citizens.length].token) }),
  };
}

export function adminListScenario(a: BenchActors, seconds: number): HttpScenario {
  return {
    name: 'admin filtered list (GET /api/admin/v1/tickets?status&type)',
    method: 'GET',
    seconds,
    build: (i) => ({ path: `/api/admin/v1/tickets?status=submitted&type=${TICKET_TYPES[i % TICKET_TYPES.length]}&limit=20`, headers: bearer(a.operatorToken) }),
  };
}

/** One `accept` per ticket of the pool: exactly `amount` requests, each on a different ticket. */
export function acceptScenario(a: BenchActors, pool: Submitted[], amount: number): HttpScenario {
  return {
    name: 'state transition (POST /api/admin/v1/tickets/{no}/accept)',
    method: 'POST',
    amount,
    build: (i) => ({ path: `/api/admin/v1/tickets/${pool[i % pool.length].no}/accept`, headers: bearer(a.operatorToken), body: {} }),
  };
}

export function statsScenario(a: BenchActors, seconds: number, now: Date): HttpScenario {
  const month = shanghaiDay(now).slice(0, 7);
  return {
    name: `stats for a month (GET /api/admin/v1/stats/units, ${month})`,
    method: 'GET',
    seconds,
    build: () => ({ path: `/api/admin/v1/stats/units?from=${month}-01&to=${shanghaiDay(now)}`, headers: bearer(a.adminToken) }),
  };
}
