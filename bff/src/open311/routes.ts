/**
 * Open311 GeoReport v2 under /open311/v2/ (discovery at /open311/discovery.{json,xml}), each
 * resource in both formats by its extension. Answers and errors follow the spec, not the
 * admin API's shape: errors are `[{code, description}]` (XML `<errors><error>…`), also for
 * unknown paths (404) and methods (405 with Allow). These routes are documented by the spec
 * and the discovery file, not in /api/openapi.json.
 */
import type { Context } from 'koa';
import { ZodError } from 'zod';
import type { AppDeps } from '../app';
import type { RouteKit } from '../http/route';
import { AppError } from '../http/errors';
import { clientIp, createRateLimiter } from '../ratelimit';
import { publicBaseUrl } from '../config/public-url';
import { clientOfKey } from './clients';
import { errorItems, fromZod, open311Error } from './errors';
import { createRequestSchema, listRequestsSchema, parse, postParams, queryParams, readSchema, requestIdSchema, serviceCodeSchema, tokenSchema, type Params } from './params';
import { fileRequest, findRequest, findToken, listRequests } from './requests';
import { listServices, serviceDefinition } from './services';
import { toXml, type XmlValue } from './xml';
import type { Open311ClientDoc } from './model';

type Format = 'json' | 'xml';
const FORMATS: readonly Format[] = ['json', 'xml'];
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's behaviour last changed (the discovery file's changeset). */
const CHANGESET = '2026-11-24T00:00:00+08:00';
/** Reads per minute per api_key (or per address without one). */
export const READS_PER_MINUTE = 120;

interface Answer {
  status?: number;
  /** XML root element; lists are rendered as its items. */
  root: string;
  body: XmlValue;
}

interface Endpoint {
  method: 'get' | 'post';
  /** Without the format extension, e.g. `/open311/v2/requests/:id`. */
  path: string;
  handle(ctx: Context): Promise<Answer>;
}

function send(ctx: Context, format: Format, answer: Answer): void {
  ctx.status = answer.status ?? 200;
  if (format === 'json') {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = JSON.stringify(answer.body);
  } else {
    ctx.type = 'text/xml; charset=utf-8';
    ctx.body = toXml(answer.root, answer.body);
  }
}

function sendError(ctx: Context, format: Format, err: AppError): void {
  if (err.status === 405) ctx.set('Allow', String((err.details as { allow?: string } | undefined)?.allow ?? ''));
  const items = errorItems(err);
  send(ctx, format, { status: err.status, root: 'errors', body: items.map((i) => ({ code: i.code, description: i.description })) });
}

/** The spec's error for our own errors; anything else (a database fault) goes to the app's error middleware. */
async function guarded(ctx: Context, format: Format, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const known = err instanceof ZodError ? fromZod(err) : err instanceof AppError ? err : null;
    if (!known) throw err;
    sendError(ctx, format, known);
  }
}

const formatOf = (path: string): Format => (path.toLowerCase().endsWith('.xml') ? 'xml' : 'json');

export function open311Routes(kit: RouteKit, deps: AppDeps): void {
  const reads = createRateLimiter(deps, { name: 'open311-read', limit: READS_PER_MINUTE, windowMs: 60_000 });

  /** The optional key of a read: checked when given (403 when wrong), and the subject of the read limit. */
  async function reader(ctx: Context, params: Params): Promise<Open311ClientDoc | null> {
    const { api_key } = parse(readSchema, params);
    const client = api_key ? await clientOfKey(deps.db, api_key) : null;
    await reads.consume(client ? `client:${client._id}` : `ip:${clientIp(ctx)}`, ctx);
    return client;
  }

  const discovery = async (): Promise<Answer> => ({
    root: 'discovery',
    body: {
      changeset: CHANGESET,
      contact: '码上反映·马上办理 平台管理员 (platform administrator)',
      key_service: 'api_key: issued by the platform administrator (POST /api/admin/v1/open311/clients); reads need none',
      endpoints: [{ specification: SPECIFICATION, url: `${publicBaseUrl(deps.config)}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
    },
  });

  const endpoints: Endpoint[] = [
    { method: 'get', path: '/open311/discovery', handle: discovery },
    { method: 'get', path: '/open311/v2/discovery', handle: discovery },
    {
      method: 'get',
      path: '/open311/v2/services',
      handle: async (ctx) => {
        await reader(ctx, queryParams(ctx));
        return { root: 'services', body: (await listServices(deps.db)) };
      },
    },
    {
      method: 'get',
      path: '/open311/v2/services/:code',
      handle: async (ctx) => {
        await reader(ctx, queryParams(ctx));
        const code = serviceCodeSchema.safeParse(ctx.params.code);
        if (!code.success) throw open311Error(404, `service_code ${ctx.params.code} not found`);
        return { root: 'service_definition', body: (await serviceDefinition(deps.db, code.data)) };
      },
    },
    {
      method: 'post',
      path: '/open311/v2/requests',
      handle: async (ctx) => {
        const params = await postParams(ctx);
        const client = await clientOfKey(deps.db, params.api_key?.trim() || undefined);
        await createRateLimiter(deps, { name: 'open311-requests', limit: client.requestsPerHour, windowMs: 3_600_000 }).consume(client._id, ctx);
        const filed = await fileRequest(deps, client, parse(createRequestSchema, params));
        return { status: 201, root: 'service_requests', body: [filed] };
      },
    },
    {
      method: 'get',
      path: '/open311/v2/requests',
      handle: async (ctx) => {
        const params = queryParams(ctx);
        const caller = await reader(ctx, params);
        return { root: 'service_requests', body: (await listRequests(deps, parse(listRequestsSchema, params), caller)) };
      },
    },
    {
      method: 'get',
      path: '/open311/v2/requests/:id',
      handle: async (ctx) => {
        const caller = await reader(ctx, queryParams(ctx));
        const id = requestIdSchema.safeParse(ctx.params.id);
        if (!id.success) throw open311Error(404, `service_request_id ${ctx.params.id} not found`);
        return { root: 'service_requests', body: [(await findRequest(deps, id.data, caller))] };
      },
    },
    {
      method: 'get',
      path: '/open311/v2/tokens/:token',
      handle: async (ctx) => {
        await reader(ctx, queryParams(ctx));
        const token = tokenSchema.safeParse(ctx.params.token);
        if (!token.success) throw open311Error(404, `token ${ctx.params.token} not found`);
        return { root: 'service_requests', body: [(await findToken(deps, token.data))] };
      },
    },
  ];

  // Each resource answers every method itself (`all`), so a method it lacks gets the spec's 405
  // with Allow whatever the app's method handling does; the rest of /open311 is the spec's 404.
  const paths = [...new Set(endpoints.map((e) => e.path))];
  for (const path of paths) {
    const here = endpoints.filter((e) => e.path === path);
    const allow = [...here.map((e) => e.method.toUpperCase()), ...(here.some((e) => e.method === 'get') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    for (const format of FORMATS) {
      kit.router.all(`${path}.${format}`, (ctx) =>
        guarded(ctx, format, async () => {
          const method = ctx.method === 'HEAD' ? 'get' : ctx.method.toLowerCase();
          const endpoint = here.find((e) => e.method === method);
          if (endpoint) return send(ctx, format, await endpoint.handle(ctx));
          ctx.set('Allow', allow);
          if (ctx.method === 'OPTIONS') {
            ctx.status = 204;
            return;
          }
          throw open311Error(405, `${ctx.method} is not allowed here; use ${allow}`, { allow });
        }),
      );
    }
  }
  kit.router.all(['/open311', '/open311/*rest'], (ctx) =>
    guarded(ctx, formatOf(ctx.path), async () => {
      throw open311Error(404, `no such resource; see ${publicBaseUrl(deps.config)}/open311/discovery.json`);
    }),
  );
}
