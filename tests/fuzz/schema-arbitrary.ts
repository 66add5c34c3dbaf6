/**
 * JSON Schema (as rendered in our OpenAPI document) → fast-check arbitrary of values that
 * mostly satisfy it, so requests get past validation into the services, where a 500 would
 * hide. `mutated` then breaks such a value in one place: a wrong type, a missing required
 * field, an unknown field, an operator object.
 */
import fc from 'fast-check';
import type { JsonSchema } from './openapi-ops';
import { hostileValue } from './hostile-values';

/** Real identifiers by parameter/field name (`id`, `no`, `unit`…), so lookups sometimes hit. */
export type Pools = Map<string, string[]>;

// Lower-case ones matter most: tokenizers lower-case words before looking them up.
const PROTOTYPE_WORDS = ['constructor', 'constructor', '__proto__', 'toString', 'valueOf'];

const DATE_FROM = new Date('2025-01-01T00:00:00Z');
const DATE_TO = new Date('2027-12-31T00:00:00Z');
const validDate = fc.date({ min: DATE_FROM, max: DATE_TO, noInvalidDate: true });

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  if (s.format === 'date') return validDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return validDate.map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  if (s.format === 'uuid') return fc.uuid();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    } catch {
      return fc.string({ minLength: min, maxLength: max });
    }
  }
  const words = fc.string({ unit: fc.constantFrom(...'abc 工单反映问题路灯不亮噪音扰民 123'.split('')), minLength: min, maxLength: max });
  // Words that are also Object.prototype members, inside otherwise valid text: a lookup table
  // indexed with user words must not hand back a function.
  const prototypeWords = fc.constantFrom(...PROTOTYPE_WORDS).map((w) => `${w} 路灯不亮请维修`);
  return fc.oneof({ weight: 6, arbitrary: words }, { weight: 1, arbitrary: prototypeWords.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity)) });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : (s.minimum ?? -1000);
  const hi = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : (s.maximum ?? 1000);
  if (integer) return fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(hi, 1e9)) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) record[name] = valueFor(sub, pools, depth + 1, name);
  // Optional keys are present or absent at random; required ones always.
  return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
}

/** A value that satisfies `s` as far as JSON Schema can say (zod refinements are not in it). */
export function valueFor(s: JsonSchema | undefined, pools: Pools, depth = 0, name?: string): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant({});
  const pool = name ? pools.get(name) : undefined;
  const plain = plainValueFor(s, pools, depth);
  if (pool?.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: plain });
  return plain;
}

function plainValueFor(s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valueFor(a, pools, depth + 1)));
  if (s.allOf?.length) return valueFor(Object.assign({}, ...s.allOf) as JsonSchema, pools, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const base = baseFor(s, type, pools, depth);
  return s.nullable ? fc.option(base, { nil: null, freq: 8 }) : base;
}

function baseFor(s: JsonSchema, type: string | undefined, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(s.items, pools, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
      return objectArbitrary(s, pools, depth);
    default:
      return s.properties ? objectArbitrary(s, pools, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}

type Mutation = (o: Record<string, unknown>, key: string | undefined, bad: unknown) => Record<string, unknown>;

const MUTATIONS: Mutation[] = [
  (o, key, bad) => (key ? { ...o, [key]: bad } : o), // wrong value in a known field
  (o, key) => {
    if (!key) return o;
    const copy = { ...o };
    delete copy[key];
    return copy;
  }, // missing field
  (o, _key, bad) => ({ ...o, unknownField: bad }), // field the schema does not know
  (o, key, bad) => (key ? { ...o, [key]: { nested: bad } } : o), // object where a scalar goes
];

/** A schema-shaped object broken in one place (or, now and then, not an object at all). */
export function mutated(s: JsonSchema | undefined, pools: Pools): fc.Arbitrary<unknown> {
  const keys = Object.keys(s?.properties ?? {});
  const broken = fc
    .tuple(valueFor(s, pools), keys.length ? fc.constantFrom(...keys) : fc.constant(undefined), hostileValue(), fc.nat(MUTATIONS.length - 1))
    .map(([valid, key, bad, m]) => (valid && typeof valid === 'object' && !Array.isArray(valid) ? MUTATIONS[m](valid as Record<string, unknown>, key, bad) : bad));
  return fc.oneof({ weight: 4, arbitrary: broken }, { weight: 1, arbitrary: hostileValue() });
}
