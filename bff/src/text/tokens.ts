/**
 * Chinese tokens for the search index and for similarity. `Intl.Segmenter` (Node's full ICU
 * dictionary) finds words (小区|路灯|坏|了|好几天); because its dictionary splits some domain
 * words (社|保|卡, 燃|气), character bigrams of each run of meaningful Han text are added as
 * well, so 「社保卡」 still matches 「社保卡」 through 社保 + 保卡.
 */
import { isHan, normalizeText } from './normalize';
import { isStopWord } from './stop-words';
import { canonicalToken } from './synonyms';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word-like segments of normalised text, in order (punctuation and spaces dropped). */
export function segmentWords(raw: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalizeText(raw))) if (s.isWordLike) out.push(s.segment);
  return out;
}

export interface TokenizeOptions {
  /** Add Han character bigrams (recall for short, important fields: questions, tags, queries). */
  bigrams?: boolean;
}

/** Maximal runs of consecutive non-stop Han words, e.g. 社保卡丢 | 补办 for 社保卡丢了怎么补办. */
function hanRuns(words: string[]): string[] {
  const runs: string[] = [];
  let current = '';
  for (const w of words) {
    if (isHan(w) && !isStopWord(w)) current += w;
    else if (current) runs.push(current), (current = '');
  }
  if (current) runs.push(current);
  return runs;
}

function bigramsOf(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * Tokens of a text with repetitions (term frequency counts them): non-stop words mapped to
 * their canonical synonym, plus (optionally) bigrams of Han runs that are not already words.
 */
export function tokenize(raw: string, options: TokenizeOptions = {}): string[] {
  const words = segmentWords(raw);
  const tokens = words.filter((w) => !isStopWord(w)).map(canonicalToken);
  if (!options.bigrams) return tokens;
  const seen = new Set(tokens);
  for (const run of hanRuns(words)) {
    for (const bigram of bigramsOf(run)) if (!seen.has(bigram)) tokens.push(canonicalToken(bigram));
  }
  return tokens;
}

/** Distinct tokens, first occurrence order (for the indexed `tokens` array and query terms). */
export const uniqueTokens = (tokens: readonly string[]): string[] => [...new Set(tokens)];

/** Term frequencies of a token list. */
export function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}
