/**
 * Values a careless server mishandles: wrong types, boundary numbers, huge and odd strings,
 * and MongoDB operator objects that would change a query's meaning if they reached it.
 */
import fc from 'fast-check';

/** ≈100 KB of text: fits under the 256 KB body limit, so it reaches validation. */
export const HUGE = 'x'.repeat(100 * 1024);
const HUGE_CJK = '码'.repeat(40 * 1024);

export const UNICODE_SAMPLES = [
  '😀👍🏽🇨🇳', // emoji, skin tone, flag
  'مرحبا بالعالم', // RTL
  '\u202eevil\u202c', // RTL override
  'a\u0000b', // NUL
  '\u0000',
  '\ud800', // lone surrogate
  'e\u0301\u0301\u0301', // combining marks
  '\ufeff\u200b\u200d', // BOM, zero-width
  '  \t\n  ', // whitespace only
  '工单 反映 问题',
  '𠀀𪚥', // astral CJK
  '\r\nSet-Cookie: x=1',
];

export const INJECTION_OBJECTS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: ['a', 'b'] },
  { $expr: { $gt: ['$version', 0] } },
  { 'a.b': 1, $set: { status: 'closed' } },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
];

export const INJECTION_STRINGS = [
  '{"$gt":""}',
  "' || '1'=='1",
  '$where',
  '../../etc/passwd',
  '%00',
  '%',
  '%zz',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
];

const BOUNDARY_NUMBERS = [0, -1, 1, -0, 0.5, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.MIN_VALUE];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...UNICODE_SAMPLES, ...INJECTION_STRINGS, '', ' ', HUGE, HUGE_CJK),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ maxLength: 5000 }),
  );

/** Anything at all, weighted towards the values above. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.constantFrom(...INJECTION_OBJECTS) },
    { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[[[]]]]) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 5 }) },
  );

/** Strings for query parameters and headers (everything there arrives as text). */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(hostileString(), fc.constantFrom(...BOUNDARY_NUMBERS.map(String), 'true', 'null', 'undefined', 'NaN', '-1', '1e999'));
