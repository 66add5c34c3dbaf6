/**
 * The demo city's units, found by name. The identity seed creates the organisation; this side
 * only needs "the city-management bureau", "the water company"… so units are matched by
 * keywords of their names rather than by ids, whatever exact names the organisation uses.
 */
import type { Connection } from 'mongoose';
import { unitModel, type UnitDoc } from '../units/model';

export const DEMO_UNIT_ROLES = {
  cityManagement: ['城市管理', '城管'],
  housing: ['住房和城乡建设', '住建'],
  market: ['市场监督', '市场监管'],
  ecology: ['生态环境'],
  water: ['供水', '自来水', '水务'],
  power: ['供电', '电力'],
  gas: ['燃气'],
  hrss: ['人力资源和社会保障', '人社'],
  fund: ['公积金'],
  police: ['公安'],
  transport: ['交通运输'],
  medical: ['医疗保障', '医保'],
  baiyinDistrict: ['白银区'],
  pingchuanDistrict: ['平川区'],
  renminluStreet: ['人民路街道'],
  silongluStreet: ['四龙路街道'],
  gongyuanluStreet: ['公园路街道'],
  govService: ['政务服务'],
} as const satisfies Record<string, readonly string[]>;

export type DemoUnitRole = keyof typeof DEMO_UNIT_ROLES;

export type DemoUnits = Partial<Record<DemoUnitRole, Pick<UnitDoc, '_id' | 'name'>>>;

/** Active units matching each role's keywords; the shortest matching name wins (the bureau, not its sub-office). */
export async function findDemoUnits(db: Connection): Promise<DemoUnits> {
  const units = await unitModel(db).find({ active: true }, { _id: 1, name: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'name'>>>();
  const found: DemoUnits = {};
  for (const [role, words] of Object.entries(DEMO_UNIT_ROLES) as Array<[DemoUnitRole, readonly string[]]>) {
    const matches = units.filter((u) => words.some((w) => u.name.includes(w))).sort((a, b) => a.name.length - b.name.length || (a._id < b._id ? -1 : 1));
    if (matches[0]) found[role] = matches[0];
  }
  return found;
}
