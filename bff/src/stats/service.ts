/**
 * GET /api/admin/v1/stats/units and /stats/overview: the assessment figures per unit and for
 * the city (000 §28, 002 §27, 003 §26-28). Handlers see their own unit's subtree only.
 */
import type { Connection } from 'mongoose';
import type { StaffActor } from '../http/route';
import { forbidden, notFound } from '../http/errors';
import { unitModel, type UnitDoc } from '../units/model';
import { PLATFORM } from '../tickets/metric-keys';
import { countBy, countOverdueNow, unitFigures } from './aggregate';
import { addFigures, emptyFigures, ratesOf, type UnitFigures, type UnitRates, type Weighting } from './rates';
import type { StatsWindow } from './window';

type TreeUnit = Pick<UnitDoc, '_id' | 'name' | 'parent' | 'level' | 'ancestors' | 'depth' | 'path'>;

export interface UnitStats {
  unit: string;
  unitName: string;
  parent: string | null;
  level: string | null;
  depth: number;
  figures: UnitFigures;
  rates: UnitRates;
}

export interface UnitsReport {
  from: string;
  to: string;
  weighting: Weighting;
  rollup: boolean;
  items: UnitStats[];
  /** Intake figures and tickets no unit handled (consultations answered by the platform); platform staff only. */
  platform: { figures: UnitFigures; rates: UnitRates } | null;
  /** Sum of the listed units' own figures. */
  total: { figures: UnitFigures; rates: UnitRates };
}

const PLATFORM_ROLES = ['admin', 'operator', 'supervisor'] as const;
const seesAll = (actor: StaffActor): boolean => actor.roles.some((r) => (PLATFORM_ROLES as readonly string[]).includes(r));

/** The unit whose subtree the report covers: `unit=` if allowed, a handler's own unit, or all. */
function scopeRoot(actor: StaffActor, requested: string | undefined): string | undefined {
  if (seesAll(actor)) return requested;
  if (!actor.unit) throw forbidden('账号未关联单位，不能查看统计', 'STATS_NO_UNIT');
  return requested ?? actor.unit;
}

async function unitsIn(db: Connection, root: string | undefined): Promise<TreeUnit[]> {
  const filter = root ? { ancestors: root } : {};
  return unitModel(db).find(filter, { _id: 1, name: 1, parent: 1, level: 1, ancestors: 1, depth: 1, path: 1 }).sort({ path: 1 }).lean<TreeUnit[]>();
}

async function checkedScope(db: Connection, actor: StaffActor, requested: string | undefined): Promise<{ root: string | undefined; units: TreeUnit[] }> {
  const root = scopeRoot(actor, requested);
  const units = await unitsIn(db, root);
  if (root && units.length === 0) throw notFound('单位', 'UNIT_NOT_FOUND');
  const rootUnit = units.find((u) => u._id === root);
  if (!seesAll(actor) && !rootUnit?.ancestors.includes(actor.unit as string)) {
    throw forbidden('只能查看本单位及下级单位的统计', 'STATS_OUT_OF_SCOPE');
  }
  return { root, units };
}

/** Each unit's figures plus those of every unit below it (within the listed units). */
function rolledUp(units: readonly TreeUnit[], own: ReadonlyMap<string, UnitFigures>): Map<string, UnitFigures> {
  const listed = new Set(units.map((u) => u._id));
  const out = new Map(units.map((u) => [u._id, emptyFigures()]));
  for (const u of units) {
    const f = own.get(u._id);
    if (!f) continue;
    for (const a of u.ancestors) if (listed.has(a)) addFigures(out.get(a) as UnitFigures, f);
  }
  return out;
}

export interface UnitsQuery {
  unit?: string;
  weighting: Weighting;
  rollup: boolean;
}

export async function unitsReport(db: Connection, w: StatsWindow, now: Date, q: UnitsQuery, actor: StaffActor): Promise<UnitsReport> {
  const { root, units } = await checkedScope(db, actor, q.unit);
  const own = await unitFigures(db, w, now, root);
  const shown = q.rollup ? rolledUp(units, own) : own;
  const total = emptyFigures();
  for (const u of units) addFigures(total, own.get(u._id) ?? emptyFigures());
  const items = units.map((u) => {
    const figures = shown.get(u._id) ?? emptyFigures();
    return { unit: u._id, unitName: u.name, parent: u.parent ?? null, level: u.level ?? null, depth: u.depth, figures, rates: ratesOf(figures, q.weighting) };
  });
  const platformFigures = !root && seesAll(actor) ? (own.get(PLATFORM) ?? emptyFigures()) : null;
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    weighting: q.weighting,
    rollup: q.rollup,
    items,
    platform: platformFigures ? { figures: platformFigures, rates: ratesOf(platformFigures, q.weighting, true) } : null,
    total: { figures: total, rates: ratesOf(total, q.weighting) },
  };
}

export interface Overview {
  from: string;
  to: string;
  received: number;
  overdue: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
}

/** City-wide: tickets submitted in the window, by status and by type, and how many are overdue now. */
export async function overview(db: Connection, w: StatsWindow, now: Date): Promise<Overview> {
  const byStatus = await countBy(db, w, 'status');
  const byType = await countBy(db, w, 'type');
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    received: Object.values(byStatus).reduce((a, b) => a + b, 0),
    overdue: await countOverdueNow(db, w, now),
    byStatus,
    byType,
  };
}
