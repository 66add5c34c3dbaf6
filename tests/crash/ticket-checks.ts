/**
 * Invariants of stored tickets that a crash or a race must never break: the timeline is a
 * chain (each entry starts where the previous ended, the last ends at `status`) and `version`
 * counts the transitions after the submit (the insert is version 0).
 */
import type { TicketDoc } from '../../bff/src/tickets/model';

export type StoredTicket = Pick<TicketDoc, 'no' | 'status' | 'version' | 'timeline'>;

/** Problems of one ticket, empty when it is sound. */
export function timelineProblems(t: StoredTicket): string[] {
  const problems: string[] = [];
  const tl = t.timeline ?? [];
  if (!tl.length) return [`${t.no}: empty timeline`];
  if (tl[0].action !== 'submit' || tl[0].from !== null || tl[0].to !== 'submitted') problems.push(`${t.no}: first entry is not the submit`);
  // Entries that keep the status (supervise, stage-report…) are transitions too: each has a version.
  for (let i = 1; i < tl.length; i++) {
    if (tl[i].from !== tl[i - 1].to) problems.push(`${t.no}: entry ${i} starts at ${tl[i].from}, previous ended at ${tl[i - 1].to}`);
  }
  if (tl[tl.length - 1].to !== t.status) problems.push(`${t.no}: status ${t.status} but the timeline ends at ${tl[tl.length - 1].to}`);
  if (t.version !== tl.length - 1) problems.push(`${t.no}: version ${t.version} with ${tl.length} timeline entries`);
  return problems;
}
