/**
 * Citizens and the same matter (000 §23(4)(5)): offers of similar open requests while filing,
 * following another citizen's request (关注此诉求), and the automatic 督办 when many citizens
 * stand behind one matter.
 */
import { isTerminal, STATUS_LABELS, type SimilarTicketView, type FollowView } from '@mashang/shared';
import { redact } from '../cases/redact';
import { notFound, unprocessable } from '../http/errors';
import type { CitizenActor } from '../http/route';
import { findTicketByNo } from '../tickets/access';
import type { TicketDeps } from '../tickets/deps';
import { CONTACT_NAME_CONTEXT, type TicketDoc } from '../tickets/model';
import { decryptOptional } from '../crypto';
import { superviseOnce } from '../sweeper/supervise';
import { DUPLICATE_DEFAULTS } from './defaults';
import { addFollower, findFollower, followedAmong, followerCount, removeFollower, ticketFollowers } from './followers';
import { findSimilarOpenTickets, type SimilarQuery } from './similar';
import { isValidOffer, signOffer } from './offers';

/**
 * Another citizen's words, shown short and without personal data (002 §13): redacted with the
 * ticket's contact name, and no digit runs at all (house, room or other numbers the patterns
 * miss tell a stranger more than the matter needs).
 */
export function offerSummary(content: string, names: readonly string[] = []): string {
  const chars = [...redact(content, { names }).text.replace(/[0-9]{2,}/g, '').replace(/\s+/g, ' ').trim()];
  return chars.length > DUPLICATE_DEFAULTS.summaryChars ? `${chars.slice(0, DUPLICATE_DEFAULTS.summaryChars - 1).join('')}…` : chars.join('');
}

const contactNames = (deps: TicketDeps, t: Pick<TicketDoc, 'contact'>): string[] => {
  const name = decryptOptional(deps.secrets.dataKey, t.contact?.nameEnc, CONTACT_NAME_CONTEXT);
  return name ? [name] : [];
};

/** The ticket's own citizen plus everyone following it (merged-in citizens included). */
export async function supporterCount(deps: Pick<TicketDeps, 'db'>, no: string): Promise<number> {
  return 1 + (await followerCount(deps.db, no));
}

/** POST /api/v1/tickets/similar — the best few open requests on the same matter nearby. */
export async function similarOffers(deps: TicketDeps, actor: CitizenActor, q: SimilarQuery): Promise<SimilarTicketView[]> {
  const matches = (await findSimilarOpenTickets(deps, q, deps.clock.now())).slice(0, DUPLICATE_DEFAULTS.offered);
  const followed = await followedAmong(deps.db, actor.id, matches.map((m) => m.ticket.no));
  return Promise.all(
    matches.map(async ({ ticket }) => ({
      no: ticket.no,
      summary: offerSummary(ticket.content, contactNames(deps, ticket)),
      status: ticket.status,
      statusLabel: STATUS_LABELS[ticket.status],
      supporters: await supporterCount(deps, ticket.no),
      createdAt: ticket.createdAt.toISOString(),
      mine: ticket.citizenId === actor.id,
      following: followed.has(ticket.no),
      offer: signOffer(deps.secrets.dataKey, ticket.no, actor.id, deps.clock.now()),
    })),
  );
}

/**
 * A ticket a citizen may follow: offered to them by the similar-requests check (a valid offer),
 * open, not confidential, not a consultation, not their own. Anything else answers the same 404,
 * so follow tells nothing about which numbers exist or what state they are in.
 */
async function followable(deps: TicketDeps, actor: CitizenActor, no: string, offer: string): Promise<TicketDoc> {
  const notFollowable = () => notFound('诉求', 'TICKET_NOT_FOUND');
  if (!isValidOffer(deps.secrets.dataKey, offer, no, actor.id, deps.clock.now())) throw notFollowable();
  const ticket = await findTicketByNo(deps.db, no);
  if (!ticket || (ticket.confidential && !ticket.confidentialByDefault) || ticket.type === 'consultation' || ticket.citizenId === actor.id || isTerminal(ticket.status)) throw notFollowable();
  return ticket;
}

/**
 * POST /api/v1/tickets/{no}/follow — idempotent; the citizen counts as a supporter and gets its
 * notices. Every follower was offered the ticket, so supporters towards the automatic 督办 are
 * citizens who filed the matter or were offered it.
 */
export async function followTicket(deps: TicketDeps, actor: CitizenActor, no: string, offer: string): Promise<FollowView> {
  const ticket = await followable(deps, actor, no, offer);
  await addFollower(deps.db, { ticketNo: no, citizenId: actor.id, via: 'follow', fromTicket: null, at: deps.clock.now() });
  const supporters = await supporterCount(deps, no);
  await superviseCluster(deps, ticket, supporters);
  return { no, following: true, supporters };
}

/** DELETE /api/v1/tickets/{no}/follow — a citizen whose own request was merged in keeps following. */
export async function unfollowTicket(deps: TicketDeps, actor: CitizenActor, no: string): Promise<FollowView> {
  const row = await findFollower(deps.db, no, actor.id);
  if (row?.via === 'merged') throw unprocessable('FOLLOW_BY_MERGE', '您的诉求已并入该诉求，将随其一并办理，不能取消关注', { fromTicket: row.fromTicket });
  if (row) await removeFollower(deps.db, no, actor.id);
  else if (!(await findTicketByNo(deps.db, no))) throw notFound('诉求', 'TICKET_NOT_FOUND');
  return { no, following: false, supporters: await supporterCount(deps, no) };
}

/**
 * 000 §23(5) 「多个诉求人集中反映同一类诉求」: once the distinct citizens behind an open matter
 * reach DUPLICATE_DEFAULTS.manyCitizens, the matter's ticket is supervised (once per round).
 */
export async function superviseCluster(deps: TicketDeps, ticket: TicketDoc, citizens: number, related: readonly string[] = []): Promise<boolean> {
  if (citizens < DUPLICATE_DEFAULTS.manyCitizens || isTerminal(ticket.status)) return false;
  const note = `已有${citizens}位诉求人反映同一事项（000 §23(5)），请集中研究处理并限期书面反馈`;
  return superviseOnce(deps, ticket, { trigger: 'many-citizens', note, related });
}

/**
 * After a ticket is filed (the sweeper's pass over new tickets, sweeper/new-tickets.ts): the open requests on the same matter nearby and the new one form a
 * cluster; its distinct citizens (filers and followers) decide the 督办 on the oldest of them,
 * the ticket the matter is best handled under.
 */
export async function onTicketSubmitted(deps: TicketDeps, ticket: TicketDoc): Promise<boolean> {
  const matches = await findSimilarOpenTickets(deps, ticket, deps.clock.now(), { excludeNo: ticket.no });
  if (!matches.length) return false;
  // Oldest first; tickets of one instant by number (the filing order), so every member names the same anchor.
  const cluster = [...matches.map((m) => m.ticket), ticket].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
  const citizens = new Set(cluster.map((t) => t.citizenId));
  for (const t of cluster) for (const f of await ticketFollowers(deps.db, t.no)) citizens.add(f.citizenId);
  const anchor = cluster[0];
  return superviseCluster(deps, anchor, citizens.size, cluster.slice(1).map((t) => t.no));
}
