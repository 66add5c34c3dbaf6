/**
 * A ticket as a GeoReport service request, showing no more than a published case would
 * (004 §15 隐去个人信息): the description and address pass through the case redactor with the
 * contact's name (phones, ID numbers, e-mails, plates, names, house numbers out), links are
 * cut, coordinates are rounded to about 100 m, media are never published. A secret request
 * (000 §14, 004 §14: the citizen asked for it, or a 举报) shows neither text nor place.
 */
import { REJECT_REASON_LABELS, STATUS_LABELS, TERMINATION_REASON_LABELS, TYPE_LABELS, isTerminal } from '@mashang/shared';
import { ticketRedactor } from '../tickets/confidential';
import type { TicketDoc } from '../tickets/model';

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

/**
 * Secret: confidential because the citizen asked for it (or a 举报), not merely because they gave
 * no consent to show the units who they are (`confidentialByDefault`): such a request is shown
 * redacted, as it is offered to neighbours filing the same matter.
 */
export const isSecret = (t: Pick<TicketDoc, 'confidential'> & { confidentialByDefault?: boolean }): boolean => t.confidential && !t.confidentialByDefault;

export const WITHHELD = '（诉求人要求保密，内容不公开）';
const SHOWS_RESULT = new Set(['replied', 'visiting', 'closed']);
const URL = /\bhttps?:\/\/\S+/gi;

/** W3C date-time in China time: 2026-11-24T09:00:00+08:00. */
export function chinaDateTime(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const roundCoord = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 1000) / 1000);

function statusNotes(t: TicketDoc, clean: (s: string) => string): string {
  if (t.mergedInto) return `已并入诉求 ${t.mergedInto} 一并办理`;
  if (t.status === 'rejected' && t.rejectReason) return `${STATUS_LABELS.rejected}：${REJECT_REASON_LABELS[t.rejectReason.code]}`;
  if (t.status === 'terminated' && t.termination) return `${STATUS_LABELS.terminated}：${TERMINATION_REASON_LABELS[t.termination.code]}`;
  if (SHOWS_RESULT.has(t.status) && t.result) return `${STATUS_LABELS[t.status]}：${clean(t.result)}`;
  return STATUS_LABELS[t.status];
}

export interface ViewContext {
  dataKey: Buffer;
  unitNames: Map<string, string>;
  categoryNames: Map<string, string>;
}

export function requestView(t: TicketDoc, vc: ViewContext): Open311Request {
  const redact = ticketRedactor(t, vc.dataKey);
  const clean = (s: string): string => redact(s).replace(URL, '[链接已隐去]').trim();
  const hidden = isSecret(t);
  const place = t.location?.address ?? t.location?.name;
  return {
    service_request_id: t.no,
    status: isTerminal(t.status) ? 'closed' : 'open',
    status_notes: statusNotes(t, clean),
    service_name: (t.category && vc.categoryNames.get(t.category)) || TYPE_LABELS[t.type],
    service_code: t.category ?? null,
    description: hidden ? WITHHELD : t.needsReview ? '（内容待人工审核）' : clean(t.content),
    agency_responsible: (t.leadUnit && vc.unitNames.get(t.leadUnit)) || null,
    service_notice: null,
    requested_datetime: chinaDateTime(t.createdAt),
    updated_datetime: chinaDateTime(t.updatedAt),
    expected_datetime: t.dueAt ? chinaDateTime(t.dueAt) : null,
    address: hidden || !place ? null : clean(place) || null,
    address_id: null,
    zipcode: null,
    lat: hidden ? null : roundCoord(t.location?.lat),
    long: hidden ? null : roundCoord(t.location?.lng),
    media_url: null,
  };
}
