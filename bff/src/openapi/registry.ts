import { z } from 'zod';
import { IF_MATCH_PATTERN } from '../auth/if-match';

export type AuthKind = 'public' | 'citizen' | 'staff';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa path, e.g. `/api/v1/tickets/:no`; rendered as `{no}` in the document. */
  path: string;
  summary: string;
  /** Stable id for clients and for `links` between operations (default: method + path). */
  operationId?: string;
  description?: string;
  tags: string[];
  auth: AuthKind;
  roles?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** An example request body (must validate against `body`; tested). */
  bodyExample?: unknown;
  /** A body the handler reads itself (e.g. multipart/form-data), documented but not validated by defineRoute. */
  rawBody?: { contentType: string; schema: Record<string, unknown> };
  /** Extra headers the route reads, e.g. If-Match. */
  headers?: Record<string, string>;
  /** status → description (+ optional schema). 400/401/403/404/500 are added from `auth`. */
  responses: Record<number, ResponseDoc>;
}

/** A documented answer. 4xx/5xx answers without a schema carry the shared error shape. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** OpenAPI links: operations a client (or a stateful tester) can call next with values of this answer. */
  links?: Record<string, { operationId: string; parameters: Record<string, string>; description?: string }>;
  example?: unknown;
}

/** Every route defined through `defineRoute` lands here; `/api/openapi.json` renders it. */
export class OpenApiRegistry {
  readonly routes: RouteDoc[] = [];
  add(doc: RouteDoc): void {
    this.routes.push(doc);
  }
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', example: 'VALIDATION_FAILED' }, message: { type: 'string' }, details: {} },
    },
  },
};

/** OpenAPI 3.0.3: `nullable` does not widen an `enum`, so a nullable enum lists `null` itself. */
function nullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableEnums);
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.nullable === true && Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
  for (const v of Object.values(o)) nullableEnums(v);
}

/** `queryIntSchema(min, max)`: a query integer (text `^\\d{1,6}$` or a number) becomes `{type: integer, minimum, maximum}`. */
function queryInts(ctx: { jsonSchema: Record<string, unknown> }): void {
  const js = ctx.jsonSchema;
  const q = js['x-query-int'] as { minimum: number; maximum: number } | undefined;
  if (!q) return;
  for (const k of Object.keys(js)) if (!['description', 'default', 'example', 'examples'].includes(k)) delete js[k];
  Object.assign(js, { type: 'integer', minimum: q.minimum, maximum: q.maximum });
}

/**
 * The JSON Schema of a zod schema. Nothing is silently left open: a schema JSON Schema cannot
 * express fails the render (and so every test that reads the document) instead of becoming `{}`.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'throw', override: queryInts }) as Record<string, unknown>;
  delete out.$schema;
  nullableEnums(out);
  return out;
}

function parameters(doc: RouteDoc): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', doc.params], ['query', doc.query]] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  for (const [name, description] of Object.entries(doc.headers ?? {})) {
    const schema = name.toLowerCase() === 'if-match' ? { type: 'string', pattern: IF_MATCH_PATTERN.source, example: '"3"' } : { type: 'string' };
    out.push({ name, in: 'header', required: false, description, schema });
  }
  return out;
}

/** `GET /api/admin/v1/tickets/:no` → `get-api-admin-v1-tickets-no`. */
export function operationIdOf(doc: Pick<RouteDoc, 'method' | 'path'>): string {
  return `${doc.method}${doc.path.replace(/[:*]/g, '').replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-$/, '');
}

export function renderOpenApi(registry: OpenApiRegistry, info: { title: string; version: string; description?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of registry.routes) {
    const p = doc.path.replace(/[:*](\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    for (const [status, r] of Object.entries(doc.responses)) {
      const content = r.schema
        ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output'), ...(r.example !== undefined ? { example: r.example } : {}) } } }
        : Number(status) >= 400
          ? err(r.description)
          : {};
      responses[status] = { description: r.description, ...content, ...(r.links ? { links: r.links } : {}) };
    }
    const ifMatch = Object.keys(doc.headers ?? {}).some((h) => h.toLowerCase() === 'if-match');
    const paged = Boolean((doc.query as { shape?: Record<string, unknown> } | undefined)?.shape?.cursor);
    if (doc.body || doc.query || doc.params || ifMatch) responses['400'] ??= err(`invalid input (VALIDATION_FAILED, MALFORMED_JSON${ifMatch ? ', INVALID_IF_MATCH' : ''}${paged ? ', INVALID_CURSOR: a cursor this list did not hand out' : ''})`);
    if (ifMatch) responses['412'] ??= err('VERSION_MISMATCH: If-Match names a version other than the current one');
    if (doc.auth !== 'public') responses['401'] ??= err('missing, invalid or expired token');
    if (doc.roles?.length) responses['403'] ??= err(`role not allowed; needs one of: ${doc.roles.join(', ')}`);
    responses['429'] ??= err('RATE_LIMITED: too many requests (Retry-After says when to try again)');
    responses['503'] ??= err('DATABASE_UNAVAILABLE: the database did not answer in time; try again after Retry-After seconds');
    (paths[p] ??= {})[doc.method] = {
      operationId: doc.operationId ?? operationIdOf(doc),
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: doc.tags,
      ...(doc.auth === 'public' ? { security: [] } : { security: [{ [doc.auth === 'citizen' ? 'citizenToken' : 'staffToken']: [] }] }),
      ...(doc.roles?.length ? { 'x-roles': doc.roles } : {}),
      parameters: parameters(doc),
      ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input'), ...(doc.bodyExample !== undefined ? { example: doc.bodyExample } : {}) } } } } : {}),
      ...(doc.rawBody ? { requestBody: { required: true, content: { [doc.rawBody.contentType]: { schema: doc.rawBody.schema } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        citizenToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'from POST /api/v1/auth/wechat (audience mashang-citizen)' },
        staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'from POST /api/admin/v1/auth/login (audience mashang-staff)' },
      },
      schemas: { Error: errorSchema },
    },
  };
}
