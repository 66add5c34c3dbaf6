/** What staff and the public see of a case. The public never sees the ticket number, authors or drafts. */
import { CASE_PUBLISHER_NOTICE, CASE_STATUS_LABELS, TYPE_LABELS } from '@mashang/shared';
import type { CaseDoc } from './model';
import { redact } from './redact';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Personal data the detector still finds in the current texts (after the publisher's edits). */
export function remainingPersonalData(c: Pick<CaseDoc, 'title' | 'summary' | 'content' | 'result'>, names: readonly string[] = []): ReturnType<typeof redact>['found'] {
  return redact([c.title, c.summary ?? '', c.content, c.result].join('\n'), { names }).found;
}

export function adminCaseView(c: CaseDoc) {
  return {
    id: c._id,
    ticketNo: c.ticketNo,
    title: c.title,
    summary: c.summary,
    content: c.content,
    result: c.result,
    type: c.type,
    typeLabel: TYPE_LABELS[c.type],
    category: c.category,
    unitName: c.unitName,
    filedAt: iso(c.filedAt),
    closedAt: iso(c.closedAt),
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    /** What the automatic redaction removed when the draft was made. */
    redacted: c.redacted,
    /** What still looks like personal data now: review before publishing. */
    remaining: remainingPersonalData(c),
    notice: CASE_PUBLISHER_NOTICE,
    attachmentsPublished: false,
    createdBy: c.createdBy,
    publishedBy: c.publishedBy,
    publishedAt: iso(c.publishedAt),
    version: c.version,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

/** Field names the mini-program's cases page reads: title, content, result, closedAt (004 §15). */
export function publicCaseView(c: CaseDoc) {
  return {
    id: c._id,
    title: c.title,
    summary: c.summary,
    content: c.content,
    result: c.result,
    type: c.type,
    typeLabel: TYPE_LABELS[c.type],
    unitName: c.unitName,
    unit: c.unitName,
    closedAt: iso(c.closedAt),
    publishedAt: iso(c.publishedAt),
  };
}
