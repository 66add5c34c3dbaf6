/** Reads of the knowledge base: citizen search and suggestions, the operators' list, stale entries, history. */
import type { Connection, QueryFilter } from 'mongoose';
import type { KnowledgeAdminQuery, KnowledgeEntryView } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { pageById, type Page } from '../audit/paging';
import { notFound } from '../http/errors';
import { knowledgeEntryModel, knowledgeHistoryModel, type KnowledgeEntryDoc, type KnowledgeEntry, type KnowledgeHistoryDoc } from './model';
import { rankKnowledge, type SearchFilter } from './search';
import { entryViews, historyView, unitNames, type KnowledgeHistoryView } from './views';
import { assertVisible, ownUnits } from './access';
import { readCards } from './cards';
import { getKnowledgeEntry, type KnowledgeDeps } from './service';

export interface KnowledgeHit {
  id: string;
  question: string;
  snippet: string;
  tags: string[];
  unitName: string | null;
  score: number;
}

/** Fetches ranked entries by `_id` and drops any that stopped being published since indexing. */
async function publishedInOrder(db: Connection, ids: string[]): Promise<KnowledgeEntry[]> {
  const model = knowledgeEntryModel(db);
  const docs = await Promise.all(ids.map((id) => model.findById(id).lean<KnowledgeEntry>()));
  return docs.filter((d): d is KnowledgeEntry => d?.status === 'published');
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** GET /api/v1/knowledge?q= — published entries, best first, with a short answer excerpt (from the cards, not the entries). */
export async function searchPublished(db: Connection, q: string, limit: number): Promise<KnowledgeHit[]> {
  const ranked = await rankKnowledge(db, q, limit);
  const cards = await readCards(db, ranked.map((r) => r.id));
  const hits = ranked.filter((r) => cards.has(r.id));
  const names = await unitNames(db, hits.map((r) => cards.get(r.id)!.u));
  return hits.map((r) => {
    const c = cards.get(r.id)!;
    return { id: r.id, question: c.q, snippet: c.s, tags: c.t, unitName: names.get(c.u) ?? null, score: round3(r.score) };
  });
}

/** GET /api/v1/knowledge/suggest?q= — the three best questions, for the submit form as the citizen types. */
export async function suggestKnowledge(db: Connection, q: string): Promise<Array<{ id: string; question: string }>> {
  const ranked = await rankKnowledge(db, q, 3);
  const cards = await readCards(db, ranked.map((r) => r.id));
  return ranked.filter((r) => cards.has(r.id)).map((r) => ({ id: r.id, question: cards.get(r.id)!.q }));
}

/** GET /api/v1/knowledge/{id} — published only; anything else is not found for citizens. */
export async function publishedEntry(deps: KnowledgeDeps, id: string): Promise<KnowledgeEntryView> {
  const entry = await knowledgeEntryModel(deps.db).findById(id).lean<KnowledgeEntry>();
  if (!entry || entry.status !== 'published') throw notFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
  return (await entryViews(deps.db, [entry], deps.clock.now()))[0];
}

export async function staffEntry(deps: KnowledgeDeps, id: string, actor: StaffActor): Promise<KnowledgeEntry> {
  const entry = await getKnowledgeEntry(deps.db, id);
  assertVisible(actor, entry);
  return entry;
}

function unitScope(actor: StaffActor, requested: string | undefined): ReadonlySet<string> | undefined {
  const own = ownUnits(actor);
  if (!requested) return own;
  return !own || own.has(requested) ? new Set([requested]) : new Set<string>();
}

function listFilter(f: KnowledgeAdminQuery, units: ReadonlySet<string> | undefined, now: Date): QueryFilter<KnowledgeEntryDoc> {
  const q: QueryFilter<KnowledgeEntryDoc> = {};
  if (units) q.unit = { $in: [...units] };
  if (f.status) q.status = f.status;
  if (f.stale !== undefined) Object.assign(q, f.stale ? { status: 'published', reviewBy: { $lt: now } } : { reviewBy: { $gte: now } });
  return q;
}

/**
 * GET /api/admin/v1/knowledge — with `q`: BM25 search over published entries (what operators
 * answer from), filtered by unit and staleness, no further pages; without `q`: every status,
 * newest first, cursor pages. Handlers see their own unit's entries.
 */
export async function listForStaff(deps: KnowledgeDeps, f: KnowledgeAdminQuery, actor: StaffActor): Promise<Page<KnowledgeEntryView & { score?: number }>> {
  const now = deps.clock.now();
  const units = unitScope(actor, f.unit);
  if (f.q) {
    if (f.status && f.status !== 'published') return { items: [], nextCursor: null };
    const filter: SearchFilter = { ...(units ? { units } : {}), ...(f.stale !== undefined ? { stale: { is: f.stale, now } } : {}) };
    const ranked = await rankKnowledge(deps.db, f.q, f.limit, filter);
    const score = new Map(ranked.map((r) => [r.id, r.score]));
    const views = await entryViews(deps.db, await publishedInOrder(deps.db, ranked.map((r) => r.id)), now);
    return { items: views.map((v) => ({ ...v, score: round3(score.get(v.id) ?? 0) })), nextCursor: null };
  }
  const model = knowledgeEntryModel(deps.db);
  const base = listFilter(f, units, now);
  const page = await pageById<KnowledgeEntry>((bound, limit) => model.find({ ...base, ...bound }).sort({ _id: -1 }).limit(limit).lean<KnowledgeEntry[]>(), f.cursor, f.limit);
  return { items: await entryViews(deps.db, page.items, now), nextCursor: page.nextCursor };
}

export interface StaleUnit {
  unit: string;
  count: number;
  entries: Array<{ id: string; question: string; reviewBy: Date }>;
}

/**
 * Published entries past their review date, grouped per owning unit, most first. A unit's
 * count is a supervision trigger (001 §22(4): knowledge base not kept up to date).
 */
export async function staleKnowledgeByUnit(db: Connection, now: Date): Promise<StaleUnit[]> {
  const rows = await knowledgeEntryModel(db)
    .find({ status: 'published', reviewBy: { $lt: now } }, { _id: 1, question: 1, reviewBy: 1, unit: 1 })
    .sort({ reviewBy: 1 })
    .lean<Array<Pick<KnowledgeEntryDoc, '_id' | 'question' | 'reviewBy' | 'unit'>>>();
  const byUnit = new Map<string, StaleUnit>();
  for (const r of rows) {
    const group = byUnit.get(r.unit) ?? { unit: r.unit, count: 0, entries: [] };
    group.count += 1;
    group.entries.push({ id: r._id, question: r.question, reviewBy: r.reviewBy });
    byUnit.set(r.unit, group);
  }
  return [...byUnit.values()].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : 1));
}

/** GET /api/admin/v1/knowledge/stale — the per-unit list, limited to the handler's own unit. */
export async function staleForStaff(deps: KnowledgeDeps, actor: StaffActor) {
  const own = ownUnits(actor);
  const groups = (await staleKnowledgeByUnit(deps.db, deps.clock.now())).filter((g) => !own || own.has(g.unit));
  const names = await unitNames(deps.db, groups.map((g) => g.unit));
  return groups.map((g) => ({ unit: g.unit, unitName: names.get(g.unit) ?? null, count: g.count, entries: g.entries.map((e) => ({ ...e, reviewBy: e.reviewBy.toISOString() })) }));
}

export async function entryHistory(deps: KnowledgeDeps, id: string, actor: StaffActor): Promise<KnowledgeHistoryView[]> {
  await staffEntry(deps, id, actor);
  const rows = await knowledgeHistoryModel(deps.db).find({ entry: id }).sort({ version: 1 }).lean<KnowledgeHistoryDoc[]>();
  return rows.map(historyView);
}
