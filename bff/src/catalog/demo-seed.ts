/**
 * Demo data of this capability for the demo city Baiyin: the default dispatch catalogue mapped
 * to the demo units, the printed code points and the knowledge corpus. Idempotent: every row
 * has a fixed `_id` and existing rows are left as they are. Needs the organisation first (the
 * identity seed); roles whose unit is missing are skipped and reported.
 */
import type { Connection } from 'mongoose';
import type { Assignment } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { isDuplicateKey } from '../db/atomic';
import { sceneModel } from '../scenes/model';
import { DEMO_SCENES } from '../scenes/demo-scenes';
import { seedDemoKnowledge } from '../knowledge/demo-seed';
import { categoryModel, type CategoryDoc } from './model';
import { categoryTokens } from './service';
import { DEFAULT_CATALOG, type DefaultCategory } from './default-catalog';
import { DEMO_UNIT_ROLES, findDemoUnits, type DemoUnitRole, type DemoUnits } from './demo-units';

export interface SeedDeps {
  db: Connection;
  clock: Clock;
  logger: Logger;
}

export interface DemoSeedReport {
  categories: number;
  scenes: string[];
  knowledge: number;
  missingUnits: DemoUnitRole[];
}

async function insertOnce<T>(create: () => Promise<T>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

function assignmentsOf(c: DefaultCategory, units: DemoUnits): Assignment[] {
  const id = (role: DemoUnitRole): string | undefined => units[role]?._id;
  const co = (roles: DemoUnitRole[] = []): string[] => roles.map(id).filter((x): x is string => Boolean(x));
  const rows: Assignment[] = [];
  for (const r of c.regional ?? []) {
    const region = id(r.region);
    const lead = id(r.lead);
    if (region && lead) rows.push({ region, lead, coUnits: co(r.coUnits) });
  }
  const lead = c.lead ? id(c.lead) : undefined;
  if (lead) rows.push({ region: null, lead, coUnits: co(c.coUnits) });
  return rows;
}

async function seedCatalog(deps: SeedDeps, units: DemoUnits): Promise<number> {
  const byCode = new Map<string, Pick<CategoryDoc, 'path' | 'level'>>();
  const now = deps.clock.now();
  let created = 0;
  for (const c of DEFAULT_CATALOG) {
    const parent = c.code.length > 2 ? c.code.slice(0, -2) : null;
    const above = parent ? byCode.get(parent) : undefined;
    const path = above ? `${above.path}/${c.name}` : c.name;
    const level = c.code.length / 2;
    byCode.set(c.code, { path, level });
    const doc: CategoryDoc = { _id: c.code, name: c.name, parent, level, path, keywords: c.keywords ?? [], tokens: categoryTokens(c.name, c.keywords ?? []), assignments: assignmentsOf(c, units), active: true, version: 0, createdAt: now, updatedAt: now };
    if (await insertOnce(() => categoryModel(deps.db).create(doc))) created += 1;
  }
  return created;
}

async function seedScenes(deps: SeedDeps, units: DemoUnits): Promise<string[]> {
  const now = deps.clock.now();
  for (const s of DEMO_SCENES) {
    const doc = { _id: s.scene, name: s.name, address: s.address, location: s.location, region: units[s.region]?._id ?? null, defaultUnit: units[s.defaultUnit]?._id ?? null, categories: s.categories, active: true, scans: 0, version: 0, createdAt: now, updatedAt: now };
    await insertOnce(() => sceneModel(deps.db).create(doc));
  }
  return DEMO_SCENES.map((s) => s.scene);
}

/** Seeds catalogue, code points and knowledge for the demo city; safe to run on every start. */
export async function seedDemoCatalogAndScenes(deps: SeedDeps): Promise<DemoSeedReport> {
  const units = await findDemoUnits(deps.db);
  const missingUnits = (Object.keys(DEMO_UNIT_ROLES) as DemoUnitRole[]).filter((r) => !units[r]);
  if (missingUnits.length) deps.logger.warn({ missingUnits }, 'demo seed: units not found by name; their mappings, points and answers are skipped');
  const categories = await seedCatalog(deps, units);
  const scenes = await seedScenes(deps, units);
  const knowledge = await seedDemoKnowledge(deps, units);
  deps.logger.info({ scenes: DEMO_SCENES.map((s) => `${s.scene} (${s.name})`) }, 'demo QR code points: open /api/admin/v1/scenes/<scene>/poster to print');
  return { categories, scenes, knowledge, missingUnits };
}
