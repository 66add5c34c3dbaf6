/** What the sweeper saw, posted to the staff inbox of whoever owes the next step (issue 12 item 6). */
import type { StaffNoticeKind, StaffNoticeLevel, TicketType } from '@mashang/shared';
import type { NoticeRecipient } from '../notices/model';
import { postStaffNotice } from '../notices/service';
import type { SweepDeps } from './types';

export interface SweepNotice {
  kind: StaffNoticeKind;
  ticket: { no: string; round: number; type: TicketType };
  to: readonly NoticeRecipient[];
  level?: StaffNoticeLevel;
  deadline?: Date | null;
  note?: string;
  cite?: string;
  /** Tells apart several notices of one kind in a round (a co-unit, a week). */
  key?: string;
}

/** Idempotent per kind, ticket, round and key: `<kind>:<no>:<round>[:<key>]` (+ recipient). */
export const sweepNoticeSource = (kind: StaffNoticeKind, no: string, round: number, key = ''): string => `${kind}:${no}:${round}${key ? `:${key}` : ''}`;

export async function postSweepNotice(deps: SweepDeps, n: SweepNotice): Promise<number> {
  return postStaffNotice(
    deps,
    {
      source: sweepNoticeSource(n.kind, n.ticket.no, n.ticket.round, n.key),
      kind: n.kind,
      level: n.level ?? 'warning',
      ticketNo: n.ticket.no,
      ticketType: n.ticket.type,
      ...(n.deadline ? { deadline: n.deadline } : {}),
      ...(n.note ? { note: n.note } : {}),
      ...(n.cite ? { cite: n.cite } : {}),
    },
    n.to,
  );
}

/** `2026-12-01 17:59` in China time. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
