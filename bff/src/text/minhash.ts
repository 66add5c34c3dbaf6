/**
 * Set similarity for near-duplicate detection. `jaccard` is exact on two token sets;
 * MinHash signatures estimate it from fixed-size arrays that can be stored on a document,
 * and `lshBandKeys` turns a signature into keys whose equality finds candidate pairs with
 * plain `_id`/equality lookups (no similarity query in the database).
 */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** 32-bit FNV-1a of a string, mixed with a seed; deterministic across processes and versions. */
function hash32(value: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32) so nearby seeds give independent permutations.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export const MINHASH_SIZE = 64;

/** One minimum hash per seeded function; an empty set gives all 0xffffffff. */
export function minhashSignature(tokens: Iterable<string>, size = MINHASH_SIZE): number[] {
  const sig = new Array<number>(size).fill(0xffffffff);
  for (const token of new Set(tokens)) {
    for (let i = 0; i < size; i++) {
      const h = hash32(token, i * 0x9e3779b1);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError('signatures must have the same, non-zero length');
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/**
 * Locality-sensitive hashing: `bands` keys of `rows = size / bands` values each. Two sets with
 * similarity s share at least one key with probability 1 − (1 − s^rows)^bands.
 */
export function lshBandKeys(signature: readonly number[], bands: number): string[] {
  if (bands <= 0 || signature.length % bands !== 0) throw new RangeError('bands must divide the signature length');
  const rows = signature.length / bands;
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    const slice = signature.slice(b * rows, (b + 1) * rows);
    keys.push(`${b}:${slice.map((n) => n.toString(36)).join('.')}`);
  }
  return keys;
}
