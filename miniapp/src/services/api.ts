import type { CreateTicketInput, Satisfaction, TicketStatus, UploadRequest } from '@mashang/shared';
import { request } from './request';
import type { KnowledgeItem, Page, PublicCase, SceneView, TicketView, UploadGrant } from './types';

/** Typed calls of the citizen API (ARCHITECTURE.md "HTTP contract"), all through request(). */

export async function getScene(scene: string): Promise<SceneView> {
  const r = await request<{ scene: SceneView }>({ path: `/api/v1/scenes/${encodeURIComponent(scene)}` });
  return r.scene;
}

/**
 * Published answers are public information: no login needed to read them. The BFF's default
 * number of hits (its best ten) is enough to read on a phone; asking for more would need the
 * shared limit, which lives beside zod schemas the knowledge subpackage otherwise does without.
 */
export function searchKnowledge(q: string): Promise<Page<KnowledgeItem>> {
  return request<Page<KnowledgeItem>>({ path: '/api/v1/knowledge', query: { q }, auth: false });
}

/** Up to three questions matching what the citizen is typing (000 §10 即时答复). */
export function suggestKnowledge(q: string): Promise<Page<KnowledgeItem>> {
  return request<Page<KnowledgeItem>>({ path: '/api/v1/knowledge/suggest', query: { q }, auth: false });
}

export async function getKnowledge(id: string): Promise<KnowledgeItem> {
  const r = await request<{ entry: KnowledgeItem }>({ path: `/api/v1/knowledge/${encodeURIComponent(id)}`, auth: false });
  return r.entry;
}

export function listPublicCases(cursor?: string): Promise<Page<PublicCase>> {
  return request<Page<PublicCase>>({ path: '/api/v1/public/cases', query: { cursor }, auth: false });
}

export function requestUpload(body: UploadRequest): Promise<UploadGrant> {
  return request<UploadGrant>({ method: 'POST', path: '/api/v1/uploads', data: body });
}

export async function createTicket(body: CreateTicketInput): Promise<TicketView> {
  const r = await request<{ ticket: TicketView }>({ method: 'POST', path: '/api/v1/tickets', data: body });
  return r.ticket;
}

export function listTickets(status: TicketStatus | undefined, cursor: string | undefined): Promise<Page<TicketView>> {
  return request<Page<TicketView>>({ path: '/api/v1/tickets', query: { status, cursor } });
}

export async function getTicket(no: string): Promise<TicketView> {
  const r = await request<TicketView | { ticket: TicketView }>({ path: `/api/v1/tickets/${encodeURIComponent(no)}` });
  return 'ticket' in r ? r.ticket : r;
}

/** Citizen actions carry the version they were decided on: a stale one is refused (412) rather than applied blindly. */
async function act(ticket: TicketView, action: 'supplement' | 'withdraw' | 'rate', data: object): Promise<TicketView> {
  const r = await request<{ ticket: TicketView }>({
    method: 'POST',
    path: `/api/v1/tickets/${encodeURIComponent(ticket.no)}/${action}`,
    data,
    headers: { 'If-Match': String(ticket.version) },
  });
  return r.ticket;
}

export const supplementTicket = (t: TicketView, body: { content?: string; attachments?: string[] }) => act(t, 'supplement', body);
export const withdrawTicket = (t: TicketView, reason?: string) => act(t, 'withdraw', reason ? { reason } : {});
export const rateTicket = (t: TicketView, body: { satisfaction: Satisfaction; comment?: string }) => act(t, 'rate', body);

export interface Me {
  id: string;
  name?: string | null;
  phone?: string | null;
}

/** The signed-in citizen's own name and phone (in clear, for prefilling the contact fields). */
export async function getMe(): Promise<Me> {
  const r = await request<{ citizen: Me }>({ path: '/api/v1/me' });
  return r.citizen;
}

/** WeChat's quick phone verification: the code from the phone button becomes the citizen's number. */
export async function bindPhone(code: string): Promise<Me> {
  const r = await request<{ citizen: Me }>({ method: 'POST', path: '/api/v1/me/phone', data: { code } });
  return r.citizen;
}
