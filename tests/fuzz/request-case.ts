/**
 * One fuzz request as plain data (so a failure prints as an exact repro), and the fast-check
 * arbitrary that builds it for an operation: who calls, path params, query string, headers
 * (stale `If-Match`), and a valid, broken or hostile body.
 */
import fc from 'fast-check';
import { STAFF_ROLES, type StaffRole } from '@mashang/shared';
import type { Operation, ParamSpec } from './openapi-ops';
import type { PrincipalName, Principals } from './principals';
import { hostileText, hostileValue, HUGE } from './hostile-values';
import { mutated, valueFor, type Pools } from './schema-arbitrary';

export interface RequestCase {
  method: Operation['method'];
  /** Concrete path with the query string. */
  url: string;
  headers: Record<string, string>;
  /** JSON body, or raw text sent as is (malformed JSON, wrong content type). */
  body?: { json: unknown } | { raw: string };
  /** Who called, for the report: a principal name or the kind of bad token. */
  as: string;
}

type AuthChoice = { as: string; token?: string; header?: string };

/** encodeURIComponent throws on lone surrogates; a URL can only carry them as U+FFFD anyway. */
const enc = (s: string): string => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** Header values must be plain visible ASCII, or the HTTP client itself refuses to send them. */
const headerSafe = (s: string): string => s.replace(/[^\x20-\x7e]/g, '').slice(0, 2000);

function authChoices(op: Operation, p: Principals): fc.Arbitrary<AuthChoice> {
  const as = (name: PrincipalName): AuthChoice => ({ as: name, token: p.tokens[name] });
  const allowed: PrincipalName[] =
    op.security === 'citizen' ? ['citizen', 'citizen2'] : op.security === 'staff' ? (op.roles.length ? op.roles : [...STAFF_ROLES]) : ['citizen', 'admin'];
  const forbiddenRoles = STAFF_ROLES.filter((r: StaffRole) => op.security === 'staff' && op.roles.length > 0 && !op.roles.includes(r));
  const wrongAudience: PrincipalName[] = op.security === 'citizen' ? ['admin', 'operator'] : ['citizen'];
  const invalid = Object.entries(p.invalid).map(([k, token]) => ({ as: k, token }));
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...allowed).map(as) },
    { weight: 1, arbitrary: fc.constant<AuthChoice>({ as: 'none' }) },
    { weight: 1, arbitrary: fc.constantFrom(...invalid) },
    { weight: 1, arbitrary: fc.constantFrom(...wrongAudience).map(as) },
    { weight: 1, arbitrary: fc.constantFrom<AuthChoice>({ as: 'basic', header: 'Basic YWRtaW46YWRtaW4=' }, { as: 'bearer-empty', header: 'Bearer ' }, { as: 'bearer-twice', header: `Bearer a Bearer b` }) },
    ...(forbiddenRoles.length ? [{ weight: 2, arbitrary: fc.constantFrom(...forbiddenRoles).map(as) }] : []),
  );
}

/** A path segment: mostly schema-valid or a real id, sometimes hostile (encoded) or raw odd text. */
function pathValue(param: ParamSpec, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: valueFor(param.schema, pools, 0, param.name).map((v) => enc(String(v))) },
    { weight: 2, arbitrary: hostileText().map((v) => enc(v.slice(0, 3000))) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.', '%2e%2e', '%00', '%2F', '%24gt') },
  );
}

/** `key=value` pairs; objects become `key[$op]=…` and arrays repeated keys, as a hostile client would send. */
function queryPairs(name: string, value: unknown): Array<[string, string]> {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => queryPairs(`${name}[${k}]`, v));
  return [[name, String(value)]];
}

function queryArbitrary(params: ParamSpec[], pools: Pools): fc.Arbitrary<Array<[string, string]>> {
  const perParam = params.map((q) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.option(valueFor(q.schema, pools, 0, q.name), { nil: undefined, freq: 2 }) },
      { weight: 1, arbitrary: hostileValue() },
      { weight: 1, arbitrary: hostileText() },
    ).map((v) => queryPairs(q.name, v)),
  );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Array<[string, string]>>([]) },
    { weight: 1, arbitrary: fc.constantFrom<Array<[string, string]>>([['status[$ne]', 'x']], [['$where', '1']], [['__proto__[admin]', '1']], [['unknown', 'x']], [['cursor', 'eyIkZ3QiOiIifQ']], [['limit', '-1']], [['limit', '100000']]) },
  );
  return fc.tuple(fc.tuple(...perParam), extra).map(([pairs, more]) => [...pairs.flat(), ...more]);
}

function ifMatchValue(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.nat(5).map((n) => `"${n}"`) },
    { weight: 1, arbitrary: fc.constantFrom('0', '999999', 'W/"1"', '*', 'abc', '"-1"', '"1.5"', '"1e3"', '""', '"99999999999999999999"') },
    { weight: 1, arbitrary: hostileText().map(headerSafe) },
  );
}

function bodyArbitrary(op: Operation, pools: Pools): fc.Arbitrary<RequestCase['body']> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ json: v }));
  const raw = fc.constantFrom('{"a":', '{"$gt":""}x', 'null', '[]', '"str"', '1e999', '{"__proto__":{"x":1}}', `{"content":"${HUGE}${HUGE}${HUGE}"}`, '\u0000').map((r) => ({ raw: r }));
  if (!op.body) {
    if (op.method === 'get' || op.method === 'delete') return fc.constant(undefined);
    return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: json(hostileValue()) }, { weight: 1, arbitrary: raw });
  }
  return fc.oneof({ weight: 6, arbitrary: json(valueFor(op.body, pools)) }, { weight: 3, arbitrary: json(mutated(op.body, pools)) }, { weight: 1, arbitrary: raw });
}

export function caseArbitrary(op: Operation, principals: Principals, pools: Pools): fc.Arbitrary<RequestCase> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const ifMatch = op.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  const pathArb = fc.tuple(...pathParams.map((p) => pathValue(p, pools)));
  return fc
    .record({
      auth: authChoices(op, principals),
      path: pathArb,
      query: queryArbitrary(queryParams, pools),
      ifMatch: ifMatch ? ifMatchValue() : fc.constant(undefined),
      body: bodyArbitrary(op, pools),
      rawContentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'),
    })
    .map(({ auth, path, query, ifMatch: im, body, rawContentType }) => {
      let url = op.path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, path[i])));
      const qs = query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      const headers: Record<string, string> = {};
      if (auth.header) headers.Authorization = auth.header;
      else if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
      if (im !== undefined) headers['If-Match'] = im;
      if (body && 'raw' in body) headers['Content-Type'] = rawContentType;
      return { method: op.method, url: qs ? `${url}?${qs}` : url, headers, body, as: auth.as };
    });
}
