/**
 * Bulk data for the large-data timings: tickets spread over units, twelve months and every
 * status, each walked through the shared state machine (`startTicket` + `transition`) so its
 * deadlines, timeline, version, unit scope and metric keys are what the BFF would have stored,
 * then inserted in batches with the driver (`insertMany`, unordered).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  createWorkCalendar,
  getProfile,
  startTicket,
  TICKET_TYPES,
  transition,
  type Actor,
  type Effect,
  type TicketAction,
  type TicketState,
  type TicketStatus,
  type TicketType,
  type TransitionContext,
} from '@mashang/shared';
import type { TicketDoc, TimelineEntry } from '../../bff/src/tickets/model';
import { metricKeysFor } from '../../bff/src/tickets/metric-keys';
import { ticketTokens } from '../../bff/src/tickets/search-tokens';

type Step = { action: TicketAction; by: 'operator' | 'dispatcher' | 'lead' | 'citizen'; input: (lead: string, co: string[]) => unknown };

const S = {
  accept: { action: 'accept', by: 'operator', input: () => ({}) },
  dispatch: { action: 'dispatch', by: 'dispatcher', input: (lead: string, co: string[]) => ({ leadUnit: lead, ...(co.length ? { coUnits: co } : {}) }) },
  sign: { action: 'sign', by: 'lead', input: () => ({}) },
  reply: { action: 'reply', by: 'lead', input: () => ({ result: '已安排维修人员到场处理，问题已解决。' }) },
  review: { action: 'review', by: 'operator', input: () => ({ approve: true }) },
} satisfies Record<string, Step>;

/** Paths to each status, with how common that status is among stored tickets (weights sum to 100). */
const PATHS: Array<{ weight: number; steps: Step[] }> = [
  { weight: 5, steps: [] },
  { weight: 2, steps: [{ action: 'request-supplement', by: 'operator', input: () => ({ note: '请补充具体位置' }) }] },
  { weight: 3, steps: [{ action: 'reject', by: 'operator', input: () => ({ reasonCode: 'legal-procedure', note: '应通过法定途径解决' }) }] },
  { weight: 2, steps: [{ action: 'withdraw', by: 'citizen', input: () => ({}) }] },
  { weight: 5, steps: [S.accept] },
  { weight: 8, steps: [S.accept, S.dispatch] },
  { weight: 12, steps: [S.accept, S.dispatch, S.sign] },
  { weight: 2, steps: [S.accept, S.dispatch, S.sign, { action: 'request-return', by: 'lead', input: () => ({ reason: '不属于本单位职责' }) }] },
  { weight: 5, steps: [S.accept, S.dispatch, S.sign, S.reply] },
  { weight: 6, steps: [S.accept, S.dispatch, S.sign, S.reply, S.review] },
  { weight: 28, steps: [S.accept, S.dispatch, S.sign, S.reply, S.review, { action: 'rate', by: 'citizen', input: () => ({ satisfaction: 'satisfied' }) }] },
  { weight: 10, steps: [S.accept, S.dispatch, S.sign, S.reply, S.review, { action: 'rate', by: 'citizen', input: () => ({ satisfaction: 'basic' }) }] },
  { weight: 4, steps: [S.accept, S.dispatch, S.sign, S.reply, S.review, { action: 'rate', by: 'citizen', input: () => ({ satisfaction: 'unsatisfied' }) }] },
  { weight: 8, steps: [S.accept, { action: 'terminate', by: 'operator', input: () => ({ reasonCode: 'unlawful-demand', note: '诉求不合法' }) }] },
];

const ADDRESS = '白银区人民路 1 号';
const CONTENTS = ['小区门口路灯坏了两周，晚上很不安全', '楼下餐馆油烟扰民，希望处理', '道路井盖缺失，存在安全隐患', '供暖温度不达标，家里只有十几度', '公交站牌信息过时，请更新', '咨询居住证办理流程和所需材料'];

const TOKENS = CONTENTS.map((c) => ticketTokens(c, { address: ADDRESS }));

/** A small deterministic generator, so two runs produce the same data set. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  count: number;
  /** Unit ids handling the tickets (lead and co). */
  units: string[];
  /** Every ticket is created in [from, to). */
  from: Date;
  to: Date;
  /** Prefix for numbers and ids, so generated tickets never collide with API-created ones. */
  batchTag: string;
  seed?: number;
}

interface Walk {
  state: TicketState;
  timeline: TimelineEntry[];
  metricKeys: string[];
  at: Date;
}

function actorFor(by: Step['by'], citizenId: string, lead: string): Actor {
  if (by === 'citizen') return { kind: 'citizen', id: citizenId };
  if (by === 'lead') return { kind: 'staff', id: `bench-handler-${lead}`, roles: ['handler'], unit: lead };
  return { kind: 'staff', id: `bench-${by}`, roles: [by] };
}

function walk(params: { no: string; type: TicketType; citizenId: string; createdAt: Date; steps: Step[]; lead: string; co: string[]; rand: () => number }, base: Omit<TransitionContext, 'now'>): Walk {
  const ctx = { ...base, now: params.createdAt };
  const started = startTicket({ no: params.no, type: params.type, channel: 'miniapp', citizenId: params.citizenId }, { kind: 'citizen', id: params.citizenId }, ctx);
  if (!started.ok) throw new Error(`startTicket: ${started.error.message}`);
  let state = started.ticket;
  let at = params.createdAt;
  const timeline: TimelineEntry[] = [{ ...started.entry, at, actor: { kind: 'citizen', id: params.citizenId } }];
  let metricKeys = metricKeysFor([], null, state, started.effects, at);
  for (const step of params.steps) {
    at = new Date(at.getTime() + (2 + params.rand() * 70) * 3_600_000);
    const actor = actorFor(step.by, params.citizenId, params.lead);
    const res = transition(state, step.action, actor, step.input(params.lead, params.co), { ...base, now: at });
    if (!res.ok) break;
    const before = state;
    state = { ...state, ...res.next.set, status: res.next.status, version: state.version + 1 } as TicketState;
    timeline.push({ ...res.entry, at, actor: actor.kind === 'staff' ? { kind: 'staff', id: actor.id, roles: actor.roles, ...(actor.unit ? { unit: actor.unit } : {}) } : { kind: actor.kind, id: actor.id } });
    metricKeys = metricKeysFor(metricKeys, before, state, res.effects as Effect[], at);
  }
  return { state, timeline, metricKeys, at };
}

function pickPath(r: number): Step[] {
  let acc = 0;
  for (const p of PATHS) {
    acc += p.weight / 100;
    if (r < acc) return p.steps;
  }
  return PATHS[PATHS.length - 1].steps;
}

/** One realistic ticket document, as the BFF stores it. */
export function buildTicketDoc(i: number, o: GenerateOptions, rand: () => number, base: Omit<TransitionContext, 'now'>): TicketDoc {
  const createdAt = new Date(o.from.getTime() + rand() * (o.to.getTime() - o.from.getTime()));
  const lead = o.units[Math.floor(rand() * o.units.length)];
  const co = rand() < 0.2 ? o.units.filter((u) => u !== lead).slice(0, 1) : [];
  const citizenId = `bench-citizen-${Math.floor(rand() * Math.max(1, o.count / 5))}`;
  const type = TICKET_TYPES[Math.floor(rand() * TICKET_TYPES.length)];
  const no = `${createdAt.toISOString().slice(0, 10).replace(/-/g, '')}-${o.batchTag}${String(i).padStart(7, '0')}`;
  const w = walk({ no, type, citizenId, createdAt, steps: pickPath(rand()), lead, co, rand }, base);
  const content = CONTENTS[i % CONTENTS.length];
  const units = [w.state.leadUnit, ...w.state.coUnits].filter((u): u is string => Boolean(u));
  return {
    ...w.state,
    _id: randomBytes(12).toString('hex'),
    content,
    tokens: TOKENS[i % CONTENTS.length],
    attachments: [],
    location: { address: ADDRESS },
    scene: null,
    contact: null,
    confidential: false,
    idempotencyKey: `bench-${o.batchTag}-${i}`,
    needsReview: false,
    timeline: w.timeline,
    unitScope: units,
    metricKeys: w.metricKeys,
    handlingWorkingDays: w.state.repliedAt ? 1 + Math.floor(rand() * 14) : null,
    internalNotes: [],
    updatedAt: w.at,
  };
}

export interface GenerateResult {
  inserted: number;
  seconds: number;
  byStatus: Partial<Record<TicketStatus, number>>;
  /** The last ticket inserted: lookups of it are the worst case of a scan. */
  last: Pick<TicketDoc, '_id' | 'no' | 'citizenId'>;
}

/** Inserts `o.count` tickets into `db.tickets` in batches; returns counts by status. */
export async function generateTickets(db: Db, o: GenerateOptions, progress: (done: number) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const rand = rng(o.seed ?? 7);
  const base = { profile: getProfile('baiyin'), calendar: createWorkCalendar() };
  const coll = db.collection<TicketDoc>('tickets');
  const byStatus: GenerateResult['byStatus'] = {};
  let last: GenerateResult['last'] = { _id: '', no: '', citizenId: '' };
  const BATCH = 1000;
  for (let start = 0; start < o.count; start += BATCH) {
    const docs: TicketDoc[] = [];
    for (let i = start; i < Math.min(o.count, start + BATCH); i++) {
      const doc = buildTicketDoc(i, o, rand, base);
      byStatus[doc.status] = (byStatus[doc.status] ?? 0) + 1;
      docs.push(doc);
      last = { _id: doc._id, no: doc.no, citizenId: doc.citizenId };
    }
    await coll.insertMany(docs, { ordered: false });
    progress(Math.min(o.count, start + BATCH));
  }
  return { inserted: o.count, seconds: (performance.now() - started) / 1000, byStatus, last };
}
