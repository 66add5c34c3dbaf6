/**
 * Whose tickets a hot-spot view covers: platform staff see the city (or the `unit=` subtree they
 * ask for); a handler sees its own unit's subtree only, like the stats endpoint.
 */
import type { Connection } from 'mongoose';
import type { StaffActor } from '../http/route';
import { forbidden, notFound } from '../http/errors';
import { unitModel, type UnitDoc } from '../units/model';

const CITY_WIDE_ROLES: readonly string[] = ['admin', 'operator', 'dispatcher', 'supervisor'];

export const seesCity = (actor: StaffActor): boolean => actor.roles.some((r) => CITY_WIDE_ROLES.includes(r));

/** The unit whose subtree is counted (undefined: the whole city); 403/404 when not allowed or unknown. */
export async function hotspotScope(db: Connection, actor: StaffActor, requested: string | undefined): Promise<string | undefined> {
  if (!seesCity(actor) && !actor.unit) throw forbidden('账号未关联单位，不能查看热点', 'STATS_NO_UNIT');
  const root = seesCity(actor) ? requested : (requested ?? actor.unit);
  if (!root) return undefined;
  const unit = await unitModel(db).findById(root, { ancestors: 1 }).lean<Pick<UnitDoc, '_id' | 'ancestors'>>();
  if (!unit) throw notFound('单位', 'UNIT_NOT_FOUND');
  if (!seesCity(actor) && !unit.ancestors.includes(actor.unit as string)) throw forbidden('只能查看本单位及下级单位的热点', 'STATS_OUT_OF_SCOPE');
  return root;
}
