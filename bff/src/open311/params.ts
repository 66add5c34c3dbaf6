/**
 * The parameters of GeoReport v2 calls. POST requests are `application/x-www-form-urlencoded`
 * (the spec's encoding; the app's JSON body parser leaves such bodies unread, so they are read
 * here, bounded) or JSON; query-string parameters count too, the body wins. Every value is
 * checked here; a wrong one is a 400 naming the parameter.
 */
import type { Context } from 'koa';
import { z } from 'zod';
import { CONTENT_LIMITS, TEXT_LIMITS, TICKET_TYPES, optionalText, phoneSchema, text, ticketNoSchema } from '@mashang/shared';
import { fromZod, open311Error } from './errors';

const MAX_FORM_BYTES = 64 * 1024;

export type Params = Record<string, string>;

async function readForm(ctx: Context): Promise<Params> {
  const declared = Number(ctx.get('Content-Length') || 0);
  if (declared > MAX_FORM_BYTES) throw open311Error(413, `request body over ${MAX_FORM_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw open311Error(413, `request body over ${MAX_FORM_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/** A JSON body's scalar values as the strings a form would carry; nested values are refused. */
function fromJson(body: unknown): Params {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw open311Error(400, 'the request body must be form fields (application/x-www-form-urlencoded) or a JSON object');
  const out: Params = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') throw open311Error(400, `${k}: must be a single value`);
    out[k] = String(v);
  }
  return out;
}

/** Query parameters, each a single value (a repeated one is a 400). */
export function queryParams(ctx: Context): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(ctx.query)) {
    if (Array.isArray(v)) throw open311Error(400, `${k}: give it once`);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export async function postParams(ctx: Context): Promise<Params> {
  const query = queryParams(ctx);
  if (ctx.is('multipart')) throw open311Error(415, 'multipart uploads are not accepted: give the picture as media_url');
  if (ctx.is('application/x-www-form-urlencoded')) return { ...query, ...(await readForm(ctx)) };
  if (ctx.is('json')) return { ...query, ...fromJson((ctx.request as { body?: unknown }).body) };
  if (ctx.request.length) throw open311Error(415, 'send the fields as application/x-www-form-urlencoded');
  return query;
}

export function parse<S extends z.ZodType>(schema: S, params: Params): z.output<S> {
  const res = schema.safeParse(params);
  if (!res.success) throw fromZod(res.error);
  return res.data;
}

const decimal = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^[-+]?\d{1,3}(\.\d{1,12})?$/, `must be a decimal ${what} from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`));

const jurisdiction = z.string().trim().max(100).optional();
const apiKey = z.string().trim().min(1, 'api_key is required').max(200);

/** `service_code` as the catalogue writes it: 2, 4 or 6 digits. */
export const serviceCodeSchema = z.string().trim().regex(/^\d{2}(\d{2}){0,2}$/, 'must be a service_code of GET services.json');

/** POST requests: the spec's arguments, with our bounds. */
export const createRequestSchema = z
  .object({
    api_key: apiKey,
    jurisdiction_id: jurisdiction,
    service_code: serviceCodeSchema,
    lat: decimal(-90, 90, 'latitude').optional(),
    long: decimal(-180, 180, 'longitude').optional(),
    address_string: optionalText(TEXT_LIMITS.address),
    address_id: optionalText(100),
    email: z.email('must be an e-mail address').max(254).optional(),
    device_id: optionalText(100),
    account_id: optionalText(100),
    first_name: optionalText(TEXT_LIMITS.name),
    last_name: optionalText(TEXT_LIMITS.name),
    phone: phoneSchema.optional(),
    description: text(CONTENT_LIMITS.max, CONTENT_LIMITS.min),
    media_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(500).optional(),
    'attribute[request_type]': z.enum(TICKET_TYPES, `must be one of ${TICKET_TYPES.join(', ')}`).optional(),
    'attribute[confidential]': z.enum(['true', 'false'], 'must be true or false').optional(),
    'attribute[disclose_identity]': z.enum(['true', 'false'], 'must be true or false').optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.long === undefined), { message: 'lat and long go together', path: ['long'] })
  .refine((p) => p.lat !== undefined || Boolean(p.address_string), { message: 'a location is required: lat and long, or address_string', path: ['address_string'] });
export type CreateRequestParams = z.output<typeof createRequestSchema>;

const commaList = <S extends z.ZodType<unknown, string>>(item: S, max: number, what: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, `give at least one ${what}`).max(max, `at most ${max} ${what}s`));

/** W3C date-time with an offset (or Z), or a date (China day). */
const w3cDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()], 'must be a W3C date-time such as 2026-11-24T09:00:00+08:00');

export const listRequestsSchema = z.object({
  api_key: apiKey.optional(),
  jurisdiction_id: jurisdiction,
  service_request_id: commaList(ticketNoSchema, 100, 'service_request_id').optional(),
  service_code: commaList(serviceCodeSchema, 50, 'service_code').optional(),
  start_date: w3cDate.optional(),
  end_date: w3cDate.optional(),
  status: commaList(z.enum(['open', 'closed'], 'must be open or closed'), 2, 'status').optional(),
});
export type ListRequestsParams = z.output<typeof listRequestsSchema>;

/** GET calls that take nothing but the optional key and jurisdiction. */
export const readSchema = z.object({ api_key: apiKey.optional(), jurisdiction_id: jurisdiction });

export const requestIdSchema = ticketNoSchema;
export const tokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a token of this endpoint');
