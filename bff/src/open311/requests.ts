/**
 * Service requests: filing one through Open311 creates a ticket as the hotline does (channel
 * `web`, the reporter as a pseudo-citizen, the contact encrypted as today), in the service's
 * category; reading them maps tickets onto the spec's fields (view.ts). Secret requests
 * (view.ts `isSecret`) are visible only to the client that filed them.
 */
import { CONTENT_LIMITS, isConfidentialByDefault, isConfidentialRequest, OPEN_STATUSES, TERMINAL_STATUSES, type TicketStatus } from '@mashang/shared';
import type { QueryFilter } from 'mongoose';
import { encryptOptional } from '../crypto';
import { parseChinaDate } from '../text';
import { fileExternalTicket, hotlineCitizenId } from '../tickets/create';
import type { TicketDeps } from '../tickets/deps';
import { ticketModel, type TicketDoc, type TicketLocation } from '../tickets/model';
import { unitModel, type UnitDoc } from '../units/model';
import { listCategories } from '../catalog';
import { DEFAULT_REQUEST_TYPE, serviceFor } from './services';
import { newToken, reporterHash } from './keys';
import { EMAIL_CONTEXT, readyRequestModel, type Open311ClientDoc } from './model';
import type { CreateRequestParams, ListRequestsParams } from './params';
import { open311Error } from './errors';
import { isSecret, requestView, type Open311Request } from './view';

export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

export interface FiledRequest {
  service_request_id: string;
  token: string;
  service_notice: string;
  account_id: string | null;
}

/** 张 + 三 → 张三; John + Smith → John Smith. */
function fullName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  const han = /^[\p{Script=Han}·]+$/u;
  if (first && last && han.test(first) && han.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/**
 * The reporter as one pseudo-citizen: by phone the hotline caller's id (the same person by
 * phone on both channels), by e-mail a keyed hash, by the client's account or device id a keyed
 * hash scoped to the client; anonymous reports share the client's id.
 */
function reporterId(deps: TicketDeps, client: Open311ClientDoc, p: CreateRequestParams): string {
  if (p.phone) return hotlineCitizenId(deps, p.phone);
  const key = deps.secrets.dataKey;
  if (p.email) return `email-${reporterHash(key, `email:${p.email.toLowerCase()}`)}`;
  const local = p.account_id ? `account:${p.account_id}` : p.device_id ? `device:${p.device_id}` : null;
  return local ? `open311-${client._id}-${reporterHash(key, `${client._id}:${local}`)}` : `open311-${client._id}`;
}

function locationOf(p: CreateRequestParams): TicketLocation {
  return { ...(p.lat !== undefined && p.long !== undefined ? { lat: p.lat, lng: p.long } : {}), ...(p.address_string ? { address: p.address_string } : {}) };
}

/** POST requests.json: one ticket, one record with the token; answers the number and the token. */
/**
 * 004 §14, 000 §14: the reporter's identity reaches the handling units only with their explicit
 * consent (`attribute[disclose_identity]=true`); a 举报 is always confidential; asking for secrecy
 * (`attribute[confidential]=true`) also hides the request from other clients.
 */
function confidentialityOf(p: CreateRequestParams): { confidential: boolean; confidentialByDefault: boolean } {
  const type = p['attribute[request_type]'] ?? DEFAULT_REQUEST_TYPE;
  const consent = { confidential: p['attribute[confidential]'] === 'true', discloseIdentity: p['attribute[disclose_identity]'] === 'true' };
  return { confidential: isConfidentialRequest(type, consent), confidentialByDefault: isConfidentialByDefault(type, consent) };
}

export async function fileRequest(deps: TicketDeps, client: Open311ClientDoc, p: CreateRequestParams): Promise<FiledRequest> {
  const service = await serviceFor(deps.db, p.service_code);
  // Staff read the picture's link in the content; it is never published (view.ts cuts links).
  const content = p.media_url ? `${p.description}\n图片链接：${p.media_url}` : p.description;
  if (content.length > CONTENT_LIMITS.max) throw open311Error(400, `description and media_url together exceed ${CONTENT_LIMITS.max} characters`);
  const token = newToken();
  const { ticket } = await fileExternalTicket(deps, {
    citizenId: reporterId(deps, client, p),
    idempotencyKey: `o311-${token}`,
    type: p['attribute[request_type]'] ?? DEFAULT_REQUEST_TYPE,
    channel: 'web',
    category: service.service_code,
    content,
    location: locationOf(p),
    name: fullName(p.first_name, p.last_name),
    phone: p.phone,
    ...confidentialityOf(p),
  });
  const requests = await readyRequestModel(deps.db);
  const emailEnc = encryptOptional(deps.secrets.dataKey, p.email, EMAIL_CONTEXT);
  await requests.create({ _id: ticket.no, token, clientId: client._id, ...(emailEnc ? { emailEnc } : {}), createdAt: deps.clock.now() });
  return { service_request_id: ticket.no, token, service_notice: `已收到，工单编号 ${ticket.no}，受理后转交承办单位办理；进度见 requests/${ticket.no}.json`, account_id: p.account_id ?? null };
}

/** Secret tickets are shown only to the client that filed them. */
async function visible(deps: TicketDeps, rows: TicketDoc[], caller: Open311ClientDoc | null): Promise<TicketDoc[]> {
  const hidden = rows.filter(isSecret).map((t) => t.no);
  if (!hidden.length) return rows;
  const mine = caller ? await (await readyRequestModel(deps.db)).find({ _id: { $in: hidden }, clientId: caller._id }, { _id: 1 }).lean() : [];
  const allowed = new Set(mine.map((r) => r._id));
  return rows.filter((t) => !isSecret(t) || allowed.has(t.no));
}

async function views(deps: TicketDeps, rows: TicketDoc[]): Promise<Open311Request[]> {
  const unitIds = [...new Set(rows.map((t) => t.leadUnit).filter((u): u is string => Boolean(u)))];
  const units = unitIds.length ? await unitModel(deps.db).find({ _id: { $in: unitIds } }, { name: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'name'>>>() : [];
  const categories = rows.some((t) => t.category) ? await listCategories(deps.db) : [];
  const vc = { dataKey: deps.secrets.dataKey, unitNames: new Map(units.map((u) => [String(u._id), u.name])), categoryNames: new Map(categories.map((c) => [c._id, c.name])) };
  return rows.map((t) => requestView(t, vc));
}

/** A date-only end means the whole China day. */
const endOf = (raw: string): Date => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(parseChinaDate(raw).getTime() + DAY_MS) : parseChinaDate(raw));

function windowFilter(deps: TicketDeps, q: ListRequestsParams): QueryFilter<TicketDoc> {
  const end = q.end_date ? endOf(q.end_date) : deps.clock.now();
  const start = q.start_date ? parseChinaDate(q.start_date) : new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (end.getTime() <= start.getTime()) throw open311Error(400, 'end_date must be after start_date');
  const filter: QueryFilter<TicketDoc> = { createdAt: { $gte: start, $lte: end } };
  const wanted = new Set(q.status ?? []);
  if (wanted.size === 1) filter.status = { $in: (wanted.has('open') ? [...OPEN_STATUSES] : [...TERMINAL_STATUSES]) as TicketStatus[] };
  if (q.service_code) filter.category = { $in: q.service_code };
  return filter;
}

/** GET requests.json: by ids (the other filters then do not apply, as the spec says), else the window, newest first. */
export async function listRequests(deps: TicketDeps, q: ListRequestsParams, caller: Open311ClientDoc | null): Promise<Open311Request[]> {
  const filter: QueryFilter<TicketDoc> = q.service_request_id ? { _id: { $in: q.service_request_id } } : windowFilter(deps, q);
  const rows = await ticketModel(deps.db).find(filter).sort({ createdAt: -1 }).limit(MAX_RESULTS).lean<TicketDoc[]>();
  return views(deps, await visible(deps, rows, caller));
}

/** GET requests/{id}.json: 404 for a number that is not a ticket or not shown to this caller. */
export async function findRequest(deps: TicketDeps, no: string, caller: Open311ClientDoc | null): Promise<Open311Request> {
  const ticket = await ticketModel(deps.db).findById(no).lean<TicketDoc>();
  const shown = ticket ? await visible(deps, [ticket], caller) : [];
  if (!shown.length) throw open311Error(404, `service_request_id ${no} not found`);
  return (await views(deps, shown))[0];
}

/** GET tokens/{token}.json */
export async function findToken(deps: TicketDeps, token: string): Promise<{ service_request_id: string; token: string }> {
  const record = await (await readyRequestModel(deps.db)).findOne({ token }).lean();
  if (!record) throw open311Error(404, `token ${token} not found`);
  return { service_request_id: record._id, token };
}
