/** Human names of bucket keys: categories by path, units and regions by name, scenes by place. */
import type { Connection } from 'mongoose';
import { TYPE_LABELS, type TicketType } from '@mashang/shared';
import type { CategoryDoc } from '../catalog/model';
import { sceneModel, type SceneDoc } from '../scenes/model';
import { unitModel, type UnitDoc } from '../units/model';
import type { BucketDimension } from './buckets';

export const UNSET_LABEL: Record<BucketDimension, string> = {
  category: '未分类',
  region: '未标注区域',
  scene: '非扫码提交',
  type: '未知类型',
  unit: '尚未派单',
};

export async function bucketLabels(db: Connection, by: BucketDimension, keys: readonly string[], categories: readonly CategoryDoc[]): Promise<Map<string, string>> {
  if (by === 'category') return new Map(categories.filter((c) => keys.includes(c._id)).map((c) => [c._id, c.path || c.name]));
  if (by === 'type') return new Map(keys.map((k) => [k, TYPE_LABELS[k as TicketType] ?? k]));
  if (by === 'scene') {
    const scenes = await sceneModel(db).find({ _id: { $in: [...keys] } }, { name: 1 }).lean<Array<Pick<SceneDoc, '_id' | 'name'>>>();
    return new Map(scenes.map((s) => [s._id, s.name]));
  }
  const units = await unitModel(db).find({ _id: { $in: [...keys] } }, { name: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'name'>>>();
  return new Map(units.map((u) => [u._id, u.name]));
}
