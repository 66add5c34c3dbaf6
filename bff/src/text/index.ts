export { normalizeText, isHan } from './normalize';
export { STOP_WORDS, isStopWord } from './stop-words';
export { canonicalToken } from './synonyms';
export { segmentWords, tokenize, uniqueTokens, termFrequencies, type TokenizeOptions } from './tokens';
export { jaccard, minhashSignature, estimatedJaccard, lshBandKeys, MINHASH_SIZE } from './minhash';
export { parseChinaDate } from './china-date';
