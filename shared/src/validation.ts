import { z } from 'zod';

/**
 * Building blocks of the payload schemas. Every string is trimmed and bounded; identifiers are
 * plain-character patterns, so nothing that reaches a query can be an object such as
 * `{"$ne": null}` or a key starting with `$`.
 */

/**
 * Text hygiene for every free-text field, once: bidi embedding/override/isolate controls
 * (U+202A–U+202E, U+2066–U+2069), which can make a stored text read differently from what it
 * says, are stripped; NUL and the other control characters (tab and line breaks allowed) and
 * lone UTF-16 surrogates, which no real text contains and which storage and exports mangle,
 * are refused.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isCleanText = (s: string): boolean => !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s);

/**
 * The same rules as JSON Schema patterns for the OpenAPI document: no control character, and
 * for required text at least one visible character. (Lone surrogates, also refused, are left
 * out: a surrogate range in a pattern means different things to UTF-16 and code-point regex
 * engines, and test generators drop such a class.)
 */
const EXCLUDED = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F';
export const CLEAN_TEXT_PATTERN = `^[^${EXCLUDED}]*$`;
export const VISIBLE_TEXT_PATTERN = `^[^${EXCLUDED}]*[^\\s${EXCLUDED}\\u202A-\\u202E\\u2066-\\u2069\\uFEFF][^${EXCLUDED}]*$`;

/** A string with the hygiene above, trimmed. */
const cleanString = () =>
  z
    .string()
    .overwrite((s) => s.replace(BIDI_CONTROLS, ''))
    .trim()
    .refine(isCleanText, '文本含有不可见的控制字符或无效字符');

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number, min = 1) => cleanString().min(min).max(max).meta({ pattern: min > 0 ? VISIBLE_TEXT_PATTERN : CLEAN_TEXT_PATTERN });

/** Optional trimmed text; an empty string after trimming counts as absent. */
export const optionalText = (max: number) =>
  cleanString()
    .max(max)
    .meta({ pattern: CLEAN_TEXT_PATTERN })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** Database or external identifiers (ObjectId hex, uuid, slugs). */
export const idSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '标识格式不正确');

/** Human-readable ticket number, e.g. `20261124-000123`. */
export const ticketNoSchema = z.string().trim().regex(/^\d{8}-\d{6,9}$/, '工单编号格式不正确');

/** Storage key of an uploaded file: path segments of safe characters, no `..`. */
export const storageKeySchema = z
  .string()
  .trim()
  .max(200)
  // Segments of safe characters in which dots never touch (so `..` cannot occur), said once for server and document.
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.?(?:\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.?)*$/, '文件标识格式不正确')
  .refine((k) => !k.includes('..'), '文件标识格式不正确');

/** Client-chosen key that makes a retried submit return the same ticket. */
export const idempotencyKeySchema = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键应为 8–64 位字母、数字、下划线或连字符');

/** Opaque pagination cursor (base64url). */
export const cursorSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,200}={0,2}$/, '分页游标格式不正确');

/** QR-code scene string as WeChat passes it (≤ 32 visible characters). */
export const sceneSchema = z.string().trim().regex(/^[A-Za-z0-9!#$&'()*+,/:;=?@_~.-]{1,32}$/, '场景值格式不正确');

export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
/** Area code 0xx(x), optional dash, 7–8 digit number, optional extension. */
export const LANDLINE_PHONE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;

/** Strips spaces and a +86 / 0086 prefix of mobile numbers so equal numbers compare equal. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s()]/g, '');
  const mobile = /^(?:\+?86|0086)(1\d{10})$/.exec(compact);
  return mobile ? mobile[1] : compact;
}

export function isMobilePhone(raw: string): boolean {
  return MOBILE_PHONE.test(normalizePhone(raw));
}

export function isLandlinePhone(raw: string): boolean {
  return LANDLINE_PHONE.test(normalizePhone(raw));
}

/** Mainland mobile (11 digits, 1[3-9]…) or landline with area code; output normalized. */
export const phoneSchema = z
  .string()
  .trim()
  .max(24)
  .transform(normalizePhone)
  .refine((p) => MOBILE_PHONE.test(p) || LANDLINE_PHONE.test(p), '请输入有效的手机号或带区号的固定电话')
  .meta({ pattern: '^ *(?:(?:\\+?86|0086)?1[3-9][0-9]{9}|0[0-9]{2,3}-?[1-9][0-9]{6,7}(?:-[0-9]{1,6})?) *$' });

export const mobilePhoneSchema = z
  .string()
  .trim()
  .max(24)
  .transform(normalizePhone)
  .refine((p) => MOBILE_PHONE.test(p), '请输入有效的手机号')
  .meta({ pattern: '^ *(?:\\+?86|0086)?1[3-9][0-9]{9} *$' });

/**
 * Years a date given to the API may name: the working-day calendar reasons about this century
 * only (a year far from its data costs seconds of CPU per request), and no ticket, deadline or
 * report lies outside it.
 */
export const SUPPORTED_YEARS = /^20\d\d-/;
const supportedYear = '年份须在 2000–2099 之间';

/** ISO date (`2026-10-01`) or date-time with offset (`2026-10-01T08:00:00+08:00`), years 2000–2099. */
/** ISO date-time with offset (`2026-10-01T08:00:00+08:00`), years 2000–2099. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).regex(SUPPORTED_YEARS, supportedYear);
export const isoDateOrDateTimeSchema = z.union([z.iso.date().regex(SUPPORTED_YEARS, supportedYear), isoDateTimeSchema]);

/** `true` / `false` in a query string. */
export const queryBooleanSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** Positive integers in query strings (which arrive as text). */
export const queryIntSchema = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d{1,6}$/, '应为整数').transform(Number)])
    .pipe(z.number().int().min(min).max(max))
    // The OpenAPI document states it as the integer query parameter it is (bff/src/openapi/registry.ts).
    .meta({ 'x-query-int': { minimum: min, maximum: max } });
