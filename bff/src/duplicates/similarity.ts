/**
 * "Is this the same matter?" for two requests that are already known to be at the same place
 * (same QR code point, or nearby by geohash): the place's own words are removed first, then the
 * score combines the matters named (matters.ts) with the Han characters left — characters,
 * not words, because citizens paraphrase (坏了 / 不亮了) and Intl.Segmenter splits domain
 * words unpredictably. Calibrated on tests/fixtures/duplicates-zh.json (its `pairs` shaped the
 * lexicon; its `holdout` pairs, written afterwards, set the threshold low enough for paraphrases
 * of matters the lexicon does not know).
 */
import { isHan, jaccard, normalizeText } from '../text';
import { mattersOf } from './matters';

/** At or above this score two requests are offered as the same matter. */
export const SAME_MATTER_THRESHOLD = 0.3;

/** Weight of the matters in the score when both texts name at least one. */
const MATTER_WEIGHT = 0.6;

/** Particles and fillers that say nothing about the matter. */
const FILLER_CHARS = new Set([...'的了很都也还在被得着过吗呢啊吧和与及有又就我你他她们这那个是么']);

const CN_NUMERALS: Readonly<Record<string, string>> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/** 三号楼 → 3号楼, so the place strip and the comparison see one spelling. */
export function normalizeForMatch(raw: string): string {
  return normalizeText(raw).replace(/[一二两三四五六七八九十](?=号|栋|幢|单元|楼|层)/g, (c) => CN_NUMERALS[c]);
}

/** Named places: 幸福小区, 人民路, 建设街交叉口. The look-aheads keep matter words that start like a place suffix (路灯, 路面, 街道办). */
const PLACE_NAME = /[\p{Script=Han}a-z0-9]{1,5}?(小区|花园|家园|公寓|大厦|苑|广场|农贸市场|菜市场|市场|园区|学校|医院|天桥|公园|交叉口|路口|大道|路(?![灯面边])|街(?![灯道])|巷)/gu;
/** …with the house number, building, unit or floor after it: 幸福小区3号楼. */
const PLACE = new RegExp(`${PLACE_NAME.source}(?:\\s*\\d+\\s*(?:号楼|号|栋|幢|单元|楼|层|室))*`, 'gu');

export const stripPlaces = (normalized: string): string => normalized.replace(PLACE, ' ');

/**
 * Place keys named in a text: the suffix and the two characters before it (幸福小区, 新华路),
 * because the lazy match may also take words before the name (家住在幸福小区).
 */
export function placesIn(normalized: string): string[] {
  const keys = new Set<string>();
  for (const m of normalized.replace(/\s+/g, '').matchAll(PLACE_NAME)) {
    const chars = [...m[0]];
    keys.add(chars.slice(-(m[1].length + 2)).join(''));
  }
  return [...keys];
}

/** What the comparison needs of one text; compute once per ticket, compare many times. */
export interface MatterFingerprint {
  chars: string[];
  matters: string[];
}

export function fingerprint(content: string): MatterFingerprint {
  const text = normalizeForMatch(content);
  const chars = [...new Set([...stripPlaces(text)].filter((c) => isHan(c) && !FILLER_CHARS.has(c)))];
  return { chars, matters: [...mattersOf(text.replace(/\s+/g, ''))] };
}

/**
 * Two texts that name only different matters (停水 / 停电) are different matters however alike
 * their wording: their score is capped below the threshold.
 */
const DISJOINT_FACTOR = 0.25;

/** 0…1: the matters' overlap weighted with the characters', or the characters alone when a text names no known matter. */
export function matterSimilarity(a: MatterFingerprint, b: MatterFingerprint): number {
  const chars = a.chars.length || b.chars.length ? jaccard(a.chars, b.chars) : 0;
  if (!a.matters.length || !b.matters.length) return chars;
  const matters = jaccard(a.matters, b.matters);
  return matters === 0 ? DISJOINT_FACTOR * chars : MATTER_WEIGHT * matters + (1 - MATTER_WEIGHT) * chars;
}

export const sameMatter = (a: string, b: string, threshold = SAME_MATTER_THRESHOLD): boolean => matterSimilarity(fingerprint(a), fingerprint(b)) >= threshold;
