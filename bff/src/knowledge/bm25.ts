/** BM25 parts shared by indexing (champion order) and search (scores). */
export const K1 = 1.2;
export const B = 0.75;

/** Inverse document frequency (BM25+, never negative). */
export const idf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The term-frequency part of BM25 for one posting: how strongly the term marks this entry. */
export const impact = (tf: number, len: number, avgLen: number): number => (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));

/**
 * Postings kept per term: the entries it marks most strongly ("champion lists", Manning et al.,
 * Introduction to Information Retrieval §7.1.3). A search reads at most this many per query
 * term, so its cost does not grow with the corpus; ranking is exact for terms of up to this
 * many entries and approximate beyond, where the term's low IDF matters little.
 */
export const CHAMPIONS = 128;
