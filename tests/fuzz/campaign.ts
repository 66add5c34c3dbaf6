/**
 * A fuzz campaign against the real app on the real database: read the OpenAPI document, sign
 * in as every role, seed and harvest real identifiers, then send `runs` generated requests
 * spread over every operation and collect what went wrong.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { TestApp } from '../support/app';
import { operationsOf, opLabel, type OpenApiDoc, type Operation } from './openapi-ops';
import { createPrincipals, type Principals } from './principals';
import { caseArbitrary, type RequestCase } from './request-case';
import { valueFor, type Pools } from './schema-arbitrary';
import { describeFailure, judge, pool, send, type Failure } from './runner';
import { expandActionOperations, seedTickets } from './ticket-seed';

export interface CampaignOptions {
  runs: number;
  seed: number;
  concurrency: number;
}

export interface CampaignReport {
  operations: string[];
  sent: number;
  statuses: Record<string, number>;
  /** Per operation: status → count, to show how deep the fuzzer got. */
  perOperation: Record<string, Record<number, number>>;
  failures: Failure[];
  healthAfter: number;
  ms: number;
}

const ID_FIELDS = new Set(['id', 'no', 'key', 'unit', 'scene', 'code']);

/** Walks any JSON and files string values of id-like fields under their field name. */
function harvest(value: unknown, pools: Pools, exclude: Set<string>, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 6) return;
  if (Array.isArray(value)) return value.slice(0, 50).forEach((v) => harvest(v, pools, exclude, depth + 1));
  for (const [k, v] of Object.entries(value)) {
    if (ID_FIELDS.has(k) && typeof v === 'string' && v.length <= 64 && !exclude.has(v)) {
      const list = pools.get(k) ?? [];
      if (!list.includes(v) && list.length < 40) list.push(v);
      pools.set(k, list);
    } else harvest(v, pools, exclude, depth + 1);
  }
}

function principalFor(op: Operation, p: Principals): string {
  if (op.security === 'citizen') return p.tokens.citizen;
  return p.tokens[op.roles[0] ?? 'admin'];
}

/** Creates a few things through every collection POST (valid bodies), then reads every list, keeping the ids. */
async function seedPools(server: http.Server, ops: Operation[], p: Principals, seed: number): Promise<Pools> {
  // Fields whose rules JSON Schema cannot carry (zod refinements): realistic values by name.
  const phones = ['13800138000', '0931-8123456', '+86 139 0000 0000'];
  const pools: Pools = new Map([
    ['unit', [p.unitId]],
    ['phone', phones],
    ['callerPhone', phones],
  ]);
  const exclude = new Set(Object.values(p.ids));
  const creators = ops.filter((o) => o.method === 'post' && o.body && !o.path.includes('{') && !o.path.includes('/auth/'));
  for (const op of creators) {
    for (const body of fc.sample(valueFor(op.body, pools), { numRuns: 4, seed })) {
      const res = await send(server, { method: 'post', url: op.path, headers: { Authorization: `Bearer ${principalFor(op, p)}` }, body: { json: body }, as: 'seed' });
      if (res.status < 300) harvest(res.body, pools, exclude);
    }
  }
  for (const op of ops.filter((o) => o.method === 'get' && !o.path.includes('{'))) {
    const res = await send(server, { method: 'get', url: op.path, headers: { Authorization: `Bearer ${principalFor(op, p)}` }, as: 'seed' });
    if (res.status < 300) harvest(res.body, pools, exclude);
  }
  return pools;
}

function buildCases(ops: Operation[], p: Principals, pools: Pools, o: CampaignOptions): Array<{ op: string; c: RequestCase }> {
  const perOp = Math.max(5, Math.ceil(o.runs / ops.length));
  const cases = ops.flatMap((op, i) => fc.sample(caseArbitrary(op, p, pools), { numRuns: perOp, seed: o.seed + i }).map((c) => ({ op: opLabel(op), c })));
  // Interleave operations so concurrent requests hit different routes, as real traffic does.
  return fc.sample(fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }), { numRuns: 1, seed: o.seed })[0];
}

export async function runCampaign(t: TestApp, o: CampaignOptions): Promise<CampaignReport> {
  const started = Date.now();
  const server = http.createServer(t.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const doc = (await t.http.get('/api/openapi.json')).body as OpenApiDoc;
    const ops = expandActionOperations(operationsOf(doc));
    const principals = await createPrincipals(t);
    const hasTickets = ops.some((op) => op.method === 'post' && op.path === '/api/v1/tickets');
    const ticketNos = hasTickets ? await seedTickets(t, principals) : [];
    const pools = await seedPools(server, ops, principals, o.seed);
    pools.set('no', [...ticketNos, ...(pools.get('no') ?? [])]);
    const report: CampaignReport = { operations: ops.map(opLabel), sent: 0, statuses: {}, perOperation: {}, failures: [], healthAfter: 0, ms: 0 };
    await pool(buildCases(ops, principals, pools, o), o.concurrency, async ({ op, c }) => {
      const outcome = await send(server, c);
      report.sent += 1;
      report.statuses[outcome.status] = (report.statuses[outcome.status] ?? 0) + 1;
      const per = (report.perOperation[op] ??= {});
      per[outcome.status] = (per[outcome.status] ?? 0) + 1;
      const failure = judge(op, c, outcome);
      if (failure) report.failures.push(failure);
    });
    report.healthAfter = (await send(server, { method: 'get', url: '/api/health', headers: {}, as: 'health' })).status;
    report.ms = Date.now() - started;
    return report;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** One failure per (operation, kind, status, error code): the first repro of each. */
export function distinctFailures(failures: Failure[]): string[] {
  const seen = new Map<string, Failure>();
  for (const f of failures) {
    const code = /"code":"([A-Z_]+)"/.exec(f.response ?? '')?.[1] ?? '';
    const key = `${f.op}|${f.kind}|${f.status}|${code}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()].map(describeFailure);
}

export function summarize(r: CampaignReport): string {
  const lines = [`fuzz: ${r.sent} requests over ${r.operations.length} operations in ${(r.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(r.statuses)}; health after ${r.healthAfter}`];
  for (const [op, st] of Object.entries(r.perOperation).sort()) lines.push(`  ${op.padEnd(58)} ${JSON.stringify(st)}`);
  return lines.join('\n');
}
