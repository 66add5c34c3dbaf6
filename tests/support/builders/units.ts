import type { UnitKind, UnitLevel } from '@mashang/shared';
import type { TestApp } from '../app';

export interface UnitInput {
  name?: string;
  parent?: string;
  level?: UnitLevel;
  kind?: UnitKind;
  is24h?: boolean;
}

let seq = 0;

/** Creates a unit through the admin API and returns its JSON view. */
export async function buildUnit(t: TestApp, adminToken: string, input: UnitInput = {}): Promise<{ id: string; path: string; version: number; parent: string | null }> {
  seq += 1;
  const body = { name: input.name ?? `单位${seq}`, level: input.level ?? 'city', ...input };
  const res = await t.http.post('/api/admin/v1/units').set('Authorization', `Bearer ${adminToken}`).send(body);
  if (res.status !== 201) throw new Error(`unit create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.unit;
}
