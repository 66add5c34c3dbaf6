/**
 * BM25 ranking over the postings, computed in the BFF. A search reads the statistics document
 * and one term document per query token (at most CHAMPIONS postings each), all by `_id`;
 * scores are summed in memory. IDF comes from each term's exact document frequency `n`.
 */
import type { Connection } from 'mongoose';
import { indexMetaModel, termModel, type Posting, type TermDoc } from './index-model';
import { queryTerms } from './terms';
import { decodePostings } from './postings';
import { idf, impact } from './bm25';


export interface SearchFilter {
  units?: ReadonlySet<string>;
  /** only entries whose review-by date is before (true) / not before (false) this instant */
  stale?: { is: boolean; now: Date };
}

export interface ScoredEntry {
  id: string;
  score: number;
}


function accepts(p: Posting, f: SearchFilter): boolean {
  if (f.units && !f.units.has(p.u)) return false;
  if (f.stale && p.r < f.stale.now.getTime() !== f.stale.is) return false;
  return true;
}

function scoreTerms(terms: TermDoc[], n: number, avgLen: number, filter: SearchFilter): Map<string, number> {
  const scores = new Map<string, number>();
  for (const term of terms) {
    const weight = idf(n, term.n);
    for (const p of decodePostings(term.p)) {
      if (!accepts(p, filter)) continue;
      const s = weight * impact(p.tf, p.l, avgLen);
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
