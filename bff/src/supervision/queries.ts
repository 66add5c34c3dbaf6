/** Staff reads of 督办 records: the filtered list and one record, a handler limited to its unit's. */
import type { Connection, QueryFilter } from 'mongoose';
import { SUPERVISION_MEANS_LABELS, SUPERVISION_TRIGGER_LABELS, type SupervisionTrigger } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { notFound } from '../http/errors';
import { findUnit } from '../units/service';
import { supervisionModel, type SupervisionActor, type SupervisionDoc, type SupervisionStatus, type SupervisionStep } from './model';
import { getSupervision } from './service';

const PLATFORM_ROLES = ['admin', 'operator', 'supervisor'] as const;

/** Platform staff see every record; unit staff only those of tickets their unit works on. */
export function seesAll(actor: StaffActor): boolean {
  return actor.roles.some((r) => (PLATFORM_ROLES as readonly string[]).includes(r));
}

function visibleTo(actor: StaffActor, record: SupervisionDoc): boolean {
  return seesAll(actor) || (Boolean(actor.unit) && record.units.includes(actor.unit as string));
}

interface StepView {
  note: string;
  by: SupervisionActor;
  at: string;
}

export interface SupervisionView {
  id: string;
  ticketNo: string | null;
  unit: string | null;
  unitName: string | null;
  trigger: SupervisionTrigger;
  triggerLabel: string;
  means: SupervisionDoc['means'];
  meansLabel: string;
  note: string;
  by: SupervisionActor;
  at: string;
  dueAt: string | null;
  status: SupervisionStatus;
  round: number;
  automatic: boolean;
  related: string[];
  resolution: StepView | null;
  escalation: StepView | null;
  version: number;
}

const stepView = (s: SupervisionStep | null): StepView | null => (s ? { note: s.note, by: s.by, at: s.at.toISOString() } : null);

export function supervisionView(d: SupervisionDoc, names: ReadonlyMap<string, string>): SupervisionView {
  return {
    id: d._id,
    ticketNo: d.ticketNo,
    unit: d.unit,
    unitName: d.unit ? (names.get(d.unit) ?? null) : null,
    trigger: d.trigger,
    triggerLabel: SUPERVISION_TRIGGER_LABELS[d.trigger],
    means: d.means,
    meansLabel: SUPERVISION_MEANS_LABELS[d.means],
    note: d.note,
    by: d.by,
    at: d.at.toISOString(),
    dueAt: d.dueAt ? d.dueAt.toISOString() : null,
    status: d.status,
    round: d.round,
    automatic: d.automatic,
    related: d.related,
    resolution: stepView(d.resolution),
    escalation: stepView(d.escalation),
    version: d.version,
  };
}

export async function supervisionViews(db: Connection, docs: readonly SupervisionDoc[]): Promise<SupervisionView[]> {
  const ids = [...new Set(docs.map((d) => d.unit).filter((u): u is string => Boolean(u)))];
  const units = await Promise.all(ids.map((id) => findUnit(db, id)));
  const names = new Map(units.filter((u) => u !== null).map((u) => [u._id, u.name]));
  return docs.map((d) => supervisionView(d, names));
}

export interface SupervisionFilter {
  status?: SupervisionStatus;
  unit?: string;
  trigger?: SupervisionTrigger;
  ticketNo?: string;
  cursor?: string;
  limit: number;
}

function listQuery(f: SupervisionFilter, actor: StaffActor): QueryFilter<SupervisionDoc> | null {
  const q: QueryFilter<SupervisionDoc> = {};
  if (f.status) q.status = f.status;
  if (f.trigger) q.trigger = f.trigger;
  if (f.ticketNo) q.ticketNo = f.ticketNo;
  if (!seesAll(actor)) {
    if (!actor.unit || (f.unit && f.unit !== actor.unit)) return null;
    q.units = actor.unit;
  } else if (f.unit) q.units = f.unit;
  if (f.cursor) q.key = { $lt: f.cursor };
  return q;
}

/** GET /api/admin/v1/supervisions — newest first, keyset pages on `key`. */
export async function listSupervisionRecords(db: Connection, f: SupervisionFilter, actor: StaffActor): Promise<{ items: SupervisionView[]; nextCursor: string | null }> {
  const q = listQuery(f, actor);
  if (!q) return { items: [], nextCursor: null };
  const rows = await supervisionModel(db).find(q).sort({ key: -1 }).limit(f.limit + 1).lean<SupervisionDoc[]>();
  const page = rows.slice(0, f.limit);
  return { items: await supervisionViews(db, page), nextCursor: rows.length > f.limit ? page[page.length - 1].key : null };
}

/** One record; a record of another unit's ticket is "not found" for a handler. */
export async function supervisionForStaff(db: Connection, id: string, actor: StaffActor): Promise<SupervisionDoc> {
  const record = await getSupervision(db, id);
  if (!visibleTo(actor, record)) throw notFound('督办记录', 'SUPERVISION_NOT_FOUND');
  return record;
}
