/**
 * How an entry becomes weighted terms. The question is what citizens ask, so its tokens
 * count three times; tags twice; the answer once (a BM25F-style field weighting).
 */
import { termFrequencies, tokenize, uniqueTokens } from '../text';

export const FIELD_WEIGHTS = { question: 3, tags: 2, answer: 1 } as const;

export interface EntryText {
  question: string;
  answer: string;
  tags: readonly string[];
}

export interface WeightedTerms {
  tf: Map<string, number>;
  len: number;
}

export function fieldTokens(entry: EntryText): { question: string[]; tags: string[]; answer: string[] } {
  return {
    question: tokenize(entry.question, { bigrams: true }),
    tags: entry.tags.flatMap((t) => tokenize(t, { bigrams: true })),
    // Answers are long; words suffice there and keep each entry's postings small.
    answer: tokenize(entry.answer),
  };
}

export function weightedTerms(entry: EntryText): WeightedTerms {
  const fields = fieldTokens(entry);
  const tf = new Map<string, number>();
  let len = 0;
  for (const field of ['question', 'tags', 'answer'] as const) {
    const weight = FIELD_WEIGHTS[field];
    len += fields[field].length * weight;
    for (const [token, n] of termFrequencies(fields[field])) tf.set(token, (tf.get(token) ?? 0) + n * weight);
  }
  return { tf, len };
}

/** Query terms: distinct, bounded (a pasted essay must not fan out into hundreds of reads). */
export const MAX_QUERY_TERMS = 16;

export function queryTerms(q: string): string[] {
  return uniqueTokens(tokenize(q, { bigrams: true })).slice(0, MAX_QUERY_TERMS);
}
