/**
 * 000 §23(4) 「诉求人多次反映」: one citizen filing the same matter again and again. Two requests
 * are the same matter when their token sets are similar (Jaccard over the segmented tokens the
 * tickets store); a group of at least `minCount` such requests calls for supervision.
 */
import { jaccard } from '../text';

export interface RepeatCandidate {
  no: string;
  createdAt: Date;
  tokens: readonly string[];
}

/**
 * Groups one citizen's requests into matters: single-link clustering on Jaccard ≥ `threshold`
 * (a request joins every group it resembles; groups it bridges merge). Returns the groups of at
 * least `minCount`, each oldest first.
 */
export function repeatedMatters<T extends RepeatCandidate>(tickets: readonly T[], threshold: number, minCount: number): T[][] {
  const sorted = [...tickets].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.no < b.no ? -1 : 1));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[i].tokens.length > 0 && jaccard(sorted[i].tokens, sorted[j].tokens) >= threshold) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, T[]>();
  sorted.forEach((t, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), t]));
  return [...groups.values()].filter((g) => g.length >= minCount);
}
