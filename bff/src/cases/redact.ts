/**
 * Personal data out of a text before it is published as a case (004 §15 「隐去个人信息」):
 * ID card numbers, phone numbers (also in full-width digits or Chinese numerals: numerals are
 * normalized first), e-mail addresses, licence plates, names (the ticket's contact
 * name wherever it occurs, and names introduced by cue words such as 我叫/姓名), and addresses
 * cut to street level (house numbers, buildings, units, floors and rooms dropped). The result
 * is a proposal: the publisher reviews and edits it before publishing.
 */
import { COMPOUND_SURNAMES, SURNAMES, surnameOf } from './surnames';

export const REDACTION_KINDS = ['id-card', 'phone', 'email', 'plate', 'name', 'address'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface Redaction {
  text: string;
  /** How many of each kind were removed (shown to the publisher). */
  found: Partial<Record<RedactionKind, number>>;
}

const CN_DIGIT = '一二三四五六七八九十零〇两';

/** Digits as people type or dictate them: full-width ０–９, and 零〇一二…九 plus 幺 (one, said on the phone). */
const SPOKEN_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const DIGIT_CHAR = '[0-9０-９零〇一幺二两三四五六七八九]';
/** Seven or more digits in a row (spaces or dashes between allowed): a number, however it is written. */
const DIGIT_RUN = new RegExp(`${DIGIT_CHAR}(?:[\\s-]?${DIGIT_CHAR}){6,}`, 'g');

/**
 * Full-width digits become ASCII everywhere; a run of seven or more digits written in Chinese
 * numerals (一三八一二三四五六七八) becomes ASCII digits, so the number patterns below see it.
 * Shorter Chinese numerals (三号楼, 两天) stay words.
 */
export function normalizeNumerals(text: string): string {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return ascii.replace(DIGIT_RUN, (run) => run.replace(/[零〇一幺二两三四五六七八九]/g, (c) => SPOKEN_DIGITS[c]));
}
const NUM = `(?:[0-9]+|[${CN_DIGIT}]+)`;

/** 18-digit (with check character) and 15-digit resident ID numbers. */
const ID_CARD = /(?<![0-9])(?:[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]|[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})(?![0-9A-Za-z])/g;
/** Mainland mobiles (optionally +86, spaces or dashes inside) and landlines with area code. */
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}(?![0-9])/g;
const LANDLINE = /(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[\s-]?[2-9][0-9]{6,7}(?:[\s-]?(?:转|ext\.?)[\s-]?[0-9]{1,6})?(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** 甘D12345, 京A·F0236 (new-energy: six characters after the letter). */
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・\s]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]/g;
/**
 * Below street level: 3号楼 2单元 501室, 12栋, 7号院, 3-2-501, 5楼, 8层. A street number
 * (人民路123号) goes too: the street name stays.
 */
const ADDRESS_DETAIL = new RegExp(
  [
    `${NUM}\\s*(?:号楼|号院|栋|幢|座|单元|室|户|层|号房|房间)`,
    // a room number after its building or unit (2单元501) or after 房间/房号 (房间1203)
    `(?<=单元|栋|幢|座|号楼|房间|房号|房间号)\\s*[0-9]{3,4}(?![0-9])`,
    `[0-9]+(?:-[0-9]+){1,3}(?:室|号)?`,
    `${NUM}\\s*号(?![码线])`,
    `(?<![0-9一二三四五六七八九十])${NUM}\\s*楼(?![下上道房顶])`,
  ].join('|'),
  'g',
);
/** Cue words after which a name follows: 我叫张三、姓名：李四、联系人王五. */
const NAME_CUE = /(我叫|我是|本人|姓名[:：]?|联系人[:：]?|户主[:：]?|业主[:：]?|反映人[:：]?)\s*([\p{Script=Han}]{2,4})/gu;

function replaceCounting(text: string, pattern: RegExp, kind: RedactionKind, found: Redaction['found'], replacement: string | ((m: string) => string)): string {
  return text.replace(pattern, (m: string) => {
    found[kind] = (found[kind] ?? 0) + 1;
    return typeof replacement === 'string' ? replacement : replacement(m);
  });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 张伟 → 张某, 欧阳娜娜 → 欧阳某; a name without a known surname → 某人. */
export function pseudonym(name: string): string {
  const surname = surnameOf(name);
  return surname ? `${surname}某` : '某人';
}

/** A cue word followed by 2–4 Han characters that start with a surname: the name is the surname plus 1–2 characters. */
function cuedName(candidate: string): string | null {
  const compound = COMPOUND_SURNAMES.find((s) => candidate.startsWith(s));
  if (compound) return candidate.slice(0, Math.min(candidate.length, compound.length + 2));
  if (!SURNAMES.has(candidate[0])) return null;
  // 我叫张三，… → 张三; 我是王小明 → 王小明; 3 characters is the commonest full-name length.
  return candidate.slice(0, Math.min(candidate.length, 3));
}

function redactNames(text: string, names: readonly string[], found: Redaction['found']): string {
  let out = text;
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of known) out = replaceCounting(out, new RegExp(escapeRegExp(name), 'g'), 'name', found, pseudonym(name));
  return out.replace(NAME_CUE, (whole: string, cue: string, candidate: string) => {
    if (candidate.includes('某')) return whole;
    const name = cuedName(candidate);
    if (!name || /[某先生女士师傅]$/.test(name)) return whole;
    found.name = (found.name ?? 0) + 1;
    return `${cue}${pseudonym(name)}${candidate.slice(name.length)}`;
  });
}

export function redact(text: string, options: { names?: readonly string[] } = {}): Redaction {
  const found: Redaction['found'] = {};
  let out = replaceCounting(normalizeNumerals(text), ID_CARD, 'id-card', found, '[身份证号已隐去]');
  out = replaceCounting(out, EMAIL, 'email', found, '[邮箱已隐去]');
  out = replaceCounting(out, MOBILE, 'phone', found, '[电话已隐去]');
  out = replaceCounting(out, LANDLINE, 'phone', found, '[电话已隐去]');
  out = replaceCounting(out, PLATE, 'plate', found, (m) => `${m.slice(0, 2)}*****`);
  out = redactNames(out, options.names ?? [], found);
  out = replaceCounting(out, ADDRESS_DETAIL, 'address', found, '');
  return { text: out.replace(/[ \t]{2,}/g, ' '), found };
}
