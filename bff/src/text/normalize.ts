/**
 * Text normalisation before segmentation: NFKC folds full-width letters, digits and
 * punctuation (ＡＢＣ１２３，) to their half-width forms, then everything is lowercased and
 * punctuation or symbols become spaces, so 「路灯，不亮！」 and 「路灯 不亮」 index alike.
 */
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}\s]+/gu;

export function normalizeText(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(PUNCTUATION_OR_SYMBOL, ' ').trim();
}

const HAN = /\p{Script=Han}/u;

export const isHan = (word: string): boolean => HAN.test(word);
