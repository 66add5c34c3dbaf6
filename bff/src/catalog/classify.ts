/**
 * Which category does a citizen's text describe? Each active leaf is scored by what its name
 * and keywords share with the text: a whole keyword found in the text counts most (Chinese
 * keywords such as 路灯 or 拒载 are precise), shared tokens add a little, and the code point's
 * suggested categories get a nudge because the place says something about the matter.
 */
import { normalizeText, tokenize, uniqueTokens } from '../text';
import type { CategoryDoc } from './model';

export interface CategoryScore {
  category: CategoryDoc;
  score: number;
  matched: string[];
}

const KEYWORD_WEIGHT = 2;
const NAME_WEIGHT = 3;
const TOKEN_WEIGHT = 0.5;
const SCENE_BONUS = 1;
const MIN_SHARED_TOKENS = 2;

/** Leaves: active categories without active children (a 中类 without 小类 is a leaf too). */
export function leaves(categories: readonly CategoryDoc[]): CategoryDoc[] {
  const parents = new Set(categories.filter((c) => c.active && c.parent).map((c) => c.parent));
  return categories.filter((c) => c.active && !parents.has(c._id));
}

function scoreOne(category: CategoryDoc, text: string, tokens: ReadonlySet<string>, preferred: ReadonlySet<string>): CategoryScore {
  const matched = category.keywords.filter((k) => text.includes(normalizeText(k)));
  let score = matched.length * KEYWORD_WEIGHT;
  if (text.includes(normalizeText(category.name))) {
    score += NAME_WEIGHT;
    matched.push(category.name);
  }
  const shared = category.tokens.filter((t) => tokens.has(t)).length;
  // One shared token alone (问题, 门口…) is noise, not evidence.
  if (matched.length === 0 && shared < MIN_SHARED_TOKENS) return { category, score: 0, matched };
  score += shared * TOKEN_WEIGHT;
  if (score > 0 && [...preferred].some((code) => category._id.startsWith(code))) score += SCENE_BONUS;
  return { category, score, matched };
}

/** Leaves ranked by score (best first), only those with any evidence. */
export function classify(categories: readonly CategoryDoc[], rawText: string, preferred: readonly string[] = []): CategoryScore[] {
  const text = normalizeText(rawText).replace(/\s+/g, '');
  const tokens = new Set(uniqueTokens(tokenize(rawText, { bigrams: true })));
  const prefer = new Set(preferred);
  return leaves(categories)
    .map((c) => scoreOne(c, text, tokens, prefer))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.category._id < b.category._id ? -1 : 1));
}
