/**
 * Timings over the generated tickets, with the plan the server says it used: the overdue
 * sweep's query, the monthly per-unit stats (the pipeline of bff/src/stats/aggregate.ts), and the
 * lookups behind the detail and list endpoints.
 */
import type { Db, Document } from 'mongodb';
import { DUE_STATUSES } from '@mashang/shared';
import { windowMatch } from '../../bff/src/stats/aggregate';
import type { QueryTiming } from './report';

type Plan = Record<string, unknown>;

const SWEEP_ROW = { _id: 1, no: 1, round: 1, status: 1, dueAt: 1, leadUnit: 1, returnCount: 1, rating: 1, pendingDecision: 1, deadlines: 1 };

/** PostgreSQL's JSON plan as `Limit ← Index Scan tickets_…_createdat_idx` (first child of each node). */
function pgPlan(node: Plan | undefined): string {
  const parts: string[] = [];
  while (node) {
    const index = node['Index Name'] ? ` ${String(node['Index Name'])}` : node['Relation Name'] ? ` ${String(node['Relation Name'])}` : '';
    parts.push(`${String(node['Node Type'])}${index}`);
    const children = node.Plans as Plan[] | undefined;
    if (children && children.length > 1) parts.push(`(${children.map((c) => pgPlan(c)).join(' + ')})`);
    node = children && children.length === 1 ? children[0] : undefined;
  }
  return parts.join(' ← ');
}

const pushdownFlags = (explain: Document) => ['filterPushdown', 'sortPushdown', 'limitPushdown'].map((f) => `${f}=${String(explain[f] ?? false)}`).join(' ');

/** MongoDB: the winning plan's stages (`LIMIT ← FETCH ← IXSCAN {…}`); FerretDB: its SQL plan (SQLite or PostgreSQL) and pushdown flags. */
export function condensePlan(explain: Document): string {
  const stages = (explain.stages as Plan[] | undefined)?.[0]?.$cursor as Plan | undefined;
  const planner = ((stages?.queryPlanner ?? explain.queryPlanner) as Plan | undefined) ?? {};
  const flagsOf = stages ?? explain;
  if (planner.Plan && !Array.isArray(planner.Plan) && typeof planner.Plan === 'object') {
    return `${pgPlan(planner.Plan as Plan)} (${pushdownFlags(flagsOf)})`;
  }
  if (Array.isArray(planner.Plan)) {
    const flags = ['filterPushdown', 'sortPushdown', 'limitPushdown'].map((f) => `${f}=${String(explain[f] ?? false)}`).join(' ');
    return `${(planner.Plan as string[]).map((p) => p.replace(/^id=\d+ parent=\d+ notused=\d+ detail=/, '')).join('; ')} (${flags})`;
  }
  const parts: string[] = [];
  let node = planner.winningPlan as Plan | undefined;
  while (node) {
    parts.push(`${String(node.stage)}${node.keyPattern ? ` ${JSON.stringify(node.keyPattern)}` : ''}`);
    node = (node.inputStage ?? (node.inputStages as Plan[] | undefined)?.[0]) as Plan | undefined;
  }
  return parts.join(' ← ') || JSON.stringify(explain).slice(0, 200);
}

/** A query cut off by `maxTimeMS` (server error 50): its time is "more than the cap". */
const isTimeLimit = (err: unknown): boolean => (err as { code?: number })?.code === 50;

async function timed(name: string, run: () => Promise<number>, explain: () => Promise<Document>): Promise<QueryTiming> {
  const t0 = performance.now();
  let rows: number;
  try {
    rows = await run();
  } catch (err) {
    if (!isTimeLimit(err)) throw err;
    rows = -1;
  }
  const ms = performance.now() - t0;
  return { name, ms, rows, plan: condensePlan(await explain()) };
}

export interface QueryParams {
  now: Date;
  month: { from: Date; to: Date };
  sampleNo: string;
  sampleId: string;
  sampleCitizen: string;
  sampleUnit: string;
  /** Per-query cap (server-side `maxTimeMS`), so a full scan of a large set cannot eat the run. */
  capMs: number;
}

/**
 * One timed run each (no warm-up: on FerretDB a run over 100k tickets is a full scan of tens
 * of seconds, and the scan dwarfs any cache effect).
 */
export async function timeQueries(db: Db, p: QueryParams): Promise<QueryTiming[]> {
  const tickets = db.collection('tickets');
  // Ticket `_id`s are strings (newId()), not ObjectIds.
  const byId = db.collection<{ _id: string }>('tickets');
  const cap = { maxTimeMS: p.capMs };
  const overdue = { status: { $in: [...DUE_STATUSES] }, dueAt: { $lt: p.now } };
  // The first of the passes stats/aggregate.ts unitFigures makes (keyCounts); the others
  // (working days, overdue since the last change) filter the same month the same way.
  const keyCounts = [{ $match: windowMatch(p.month) }, { $unwind: '$metricKeys' }, { $group: { _id: '$metricKeys', n: { $sum: 1 } } }];
  const citizenList = { citizenId: p.sampleCitizen };
  const adminList = { status: 'handling', unitScope: p.sampleUnit };
  const newest = { createdAt: -1, _id: -1 } as const;
  return [
    // As bff/src/sweeper/scan.ts pages it: 200 rows by `_id`, a small projection.
    await timed('overdue sweep: first page (200) of open tickets past dueAt', async () => (await tickets.find(overdue, { projection: SWEEP_ROW, ...cap }).sort({ _id: 1 }).limit(200).toArray()).length, () => tickets.find(overdue, { projection: SWEEP_ROW }).sort({ _id: 1 }).limit(200).explain()),
    await timed('monthly per-unit stats: metricKeys counts of one month', async () => (await tickets.aggregate(keyCounts, cap).toArray()).length, () => tickets.aggregate(keyCounts).explain()),
    await timed('ticket by `no` (detail)', async () => ((await tickets.findOne({ no: p.sampleNo }, cap)) ? 1 : 0), () => tickets.find({ no: p.sampleNo }).limit(1).explain()),
    await timed('ticket by `_id`', async () => ((await byId.findOne({ _id: p.sampleId }, cap)) ? 1 : 0), () => byId.find({ _id: p.sampleId }).limit(1).explain()),
    await timed('citizen list: newest 20 of one citizen', async () => (await tickets.find(citizenList, cap).sort(newest).limit(20).toArray()).length, () => tickets.find(citizenList).sort(newest).limit(20).explain()),
    await timed('admin list: status + unit, newest 20', async () => (await tickets.find(adminList, cap).sort(newest).limit(20).toArray()).length, () => tickets.find(adminList).sort(newest).limit(20).explain()),
  ];
}
