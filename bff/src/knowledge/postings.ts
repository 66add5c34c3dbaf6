/**
 * A term's postings as one string, `e,tf,l,u,r` per posting joined by `;` (ids are hex, numbers
 * plain): FerretDB reads one long string far faster than thousands of small sub-documents.
 */
import type { Posting } from './index-model';

export function encodePostings(postings: readonly Posting[]): string {
  return postings.map((p) => `${p.e},${p.tf},${p.l},${p.u},${p.r}`).join(';');
}

export function decodePostings(encoded: string): Posting[] {
  if (!encoded) return [];
  return encoded.split(';').map((row) => {
    const [e, tf, l, u, r] = row.split(',');
    return { e, tf: Number(tf), l: Number(l), u, r: Number(r) };
  });
}
