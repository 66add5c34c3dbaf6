/**
 * Citizens and answer writers name the same thing differently (煤气 / 燃气, 狗 / 犬). Tokens
 * are mapped to one canonical form both when indexing and when querying, so either wording
 * finds the other. Only unambiguous pairs belong here.
 */
const CANONICAL: Readonly<Record<string, string>> = {
  煤气: '燃气',
  天然气: '燃气',
  液化气: '燃气',
  自来水: '供水',
  狗: '犬',
  宠物狗: '犬',
  犬只: '犬',
  噪声: '噪音',
  吵: '噪音',
  摆摊: '占道',
  地摊: '占道',
  街灯: '路灯',
  断电: '停电',
};

// Own keys only: a citizen's "constructor" or "toString" is a word, not an Object.prototype member.
export const canonicalToken = (token: string): string => (Object.hasOwn(CANONICAL, token) ? CANONICAL[token] : token);
