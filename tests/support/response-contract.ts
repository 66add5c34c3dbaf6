import Ajv, { type ValidateFunction } from 'ajv';
import type Koa from 'koa';

/**
 * Drift guard (issue 18): in the API tests every answer of a documented operation is checked
 * against `/api/openapi.json` — its status must be listed for that operation and a JSON body
 * must validate against the listed schema; a 405 must carry `Allow`. A violation replaces the
 * answer with 500 RESPONSE_CONTRACT_VIOLATION (so the test that caused it fails where it looks)
 * and is remembered for `assertNoContractViolations()` (run after each test file), so a field
 * added to a view without its schema fails CI even where a test does not look at the answer.
 */

interface OperationDoc {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
export interface ApiDocument {
  paths: Record<string, Record<string, OperationDoc>>;
}

export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  problem: string;
}

const violations: ContractViolation[] = [];
const ajv = new Ajv({ nullable: true, allErrors: true, unknownFormats: 'ignore', schemaId: 'auto' });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: object, doc: ApiDocument): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    // `$ref: #/components/...` resolves against the whole document.
    v = ajv.compile({ ...schema, components: (doc as unknown as { components?: object }).components });
    compiled.set(schema, v);
  }
  return v;
}

function problemOf(doc: ApiDocument, op: OperationDoc, ctx: Koa.Context): string | null {
  const documented = op.responses[String(ctx.status)] ?? op.responses.default;
  if (!documented) return `status ${ctx.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
  const isJson = /json/.test(ctx.response.type) && ctx.body !== null && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && typeof (ctx.body as { pipe?: unknown }).pipe !== 'function';
  if (!isJson) return null;
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) return ctx.status < 300 ? 'a JSON body where the document lists none' : null;
  const validate = validatorOf(schema, doc);
  // What the client receives: Dates and toJSON() as serialized.
  if (validate(JSON.parse(JSON.stringify(ctx.body)))) return null;
  return (validate.errors ?? []).map((e) => `${e.dataPath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');
}

/** Koa middleware, put first in the chain of the test app. */
export function responseContract(doc: ApiDocument): Koa.Middleware {
  return async (ctx, next) => {
    await next();
    const method = ctx.method.toLowerCase();
    if (ctx.status === 405 && !ctx.response.get('Allow')) return record(ctx, { method, path: ctx.path, status: 405, problem: '405 without Allow' });
    const matched = (ctx as unknown as { _matchedRoute?: string })._matchedRoute;
    if (!matched) return;
    const path = matched.replace(/[:*](\w+)/g, '{$1}');
    const op = doc.paths[path]?.[method === 'head' ? 'get' : method];
    if (!op) return;
    const problem = problemOf(doc, op, ctx);
    if (problem) record(ctx, { method, path, status: ctx.status, problem });
  };
}

function record(ctx: Koa.Context, v: ContractViolation): void {
  violations.push(v);
  ctx.status = 500;
  ctx.body = { error: { code: 'RESPONSE_CONTRACT_VIOLATION', message: `${v.method.toUpperCase()} ${v.path} → ${v.status}: ${v.problem}`, details: v } };
}

/** Violations seen since the last call (and forgets them). */
export function takeContractViolations(): ContractViolation[] {
  return violations.splice(0, violations.length);
}
