/**
 * BM25 ranking over the postings, computed in the BFF. A search reads the statistics document
 * and one term document per query token, all by `_id`; scores are summed in memory. IDF comes
 * from each term's posting count, so it is exact and costs nothing extra to keep.
 */
import type { Connection } from 'mongoose';
import { indexMetaModel, termModel, type Posting, type TermDoc } from './index-model';
import { queryTerms } from './terms';

const K1 = 1.2;
const B = 0.75;

export interface SearchFilter {
  units?: ReadonlySet<string>;
  /** only entries whose review-by date is before (true) / not before (false) this instant */
  stale?: { is: boolean; now: Date };
}

export interface ScoredEntry {
  id: string;
  score: number;
}

const idf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

function accepts(p: Posting, f: SearchFilter): boolean {
  if (f.units && !f.units.has(p.u)) return false;
  if (f.stale && p.r < f.stale.now.getTime() !== f.stale.is) return false;
  return true;
}

function scoreTerms(terms: TermDoc[], n: number, avgLen: number, filter: SearchFilter): Map<string, number> {
  const scores = new Map<string, number>();
  for (const term of terms) {
    const weight = idf(n, term.p.length);
    for (const p of term.p) {
      if (!accepts(p, filter)) continue;
      const s = (weight * p.tf * (K1 + 1)) / (p.tf + K1 * (1 - B + (B * p.l) / avgLen));
      scores.set(p.e, (scores.get(p.e) ?? 0) + s);
    }
  }
  return scores;
}

/** The `limit` best published entries for `q`, best first; ties broken by id for stable pages. */
export async function rankKnowledge(db: Connection, q: string, limit: number, filter: SearchFilter = {}): Promise<ScoredEntry[]> {
  const tokens = queryTerms(q);
  if (tokens.length === 0) return [];
  const terms = termModel(db);
  const [stats, ...found] = await Promise.all([indexMetaModel(db).findById('stats').lean(), ...tokens.map((t) => terms.findById(t).lean<TermDoc>())]);
  const n = stats?.n ?? 0;
  if (n === 0) return [];
  const avgLen = Math.max(1, (stats?.totalLen ?? 0) / n);
  const scores = scoreTerms(found.filter((t): t is TermDoc => t !== null), n, avgLen, filter);
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
