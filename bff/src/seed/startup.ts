/**
 * `npm start` on an empty database gets the demo city, so a newcomer can walk the whole loop at
 * once. A marker document tells an empty database from one whose seeding was interrupted (it
 * resumes) and from a real organisation (left alone). Generated passwords go to
 * DATA_DIR/demo-credentials.txt (0600) and are printed as a block at startup.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Schema, type Connection, type Model } from 'mongoose';
import { ROLE_LABELS, type StaffRole } from '@mashang/shared';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { isDuplicateKey } from '../db/atomic';
import { unitModel } from '../units/model';
import { seedDemoCatalogAndScenes } from '../catalog';
import { seedDemoOpen311Client } from '../open311';
import { seedDemoOrg, type DemoCredential, type DemoOrg } from './demo-org';

interface SeedMarker {
  _id: string;
  startedAt: Date;
  doneAt?: Date;
}

const markerSchema = new Schema<SeedMarker>({ _id: String, startedAt: Date, doneAt: Date }, { versionKey: false, collection: 'seeds' });
const markerModel = (db: Connection): Model<SeedMarker> => (db.models.SeedMarker as Model<SeedMarker>) ?? db.model<SeedMarker>('SeedMarker', markerSchema);

export interface SeedStartDeps {
  db: Connection;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'NODE_ENV' | 'SEED_DEMO' | 'dataDir'>;
}

export type SeedOutcome = { decision: 'disabled' | 'not-empty' | 'already-seeded' } | { decision: 'seeded'; org: DemoOrg };

export const credentialsFile = (dataDir: string): string => path.join(dataDir, 'demo-credentials.txt');

function credentialLines(created: DemoCredential[]): string {
  return created
    .map((c) => `  ${c.username.padEnd(18)} ${c.password.padEnd(16)} ${c.roles.map((r) => ROLE_LABELS[r as StaffRole] ?? r).join('、')}${c.unitName ? ` · ${c.unitName}` : ''}`)
    .join('\n');
}

function writeCredentials(file: string, created: DemoCredential[]): void {
  if (!created.length) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const header = existsSync(file) ? '' : '码上反映·马上办理 演示账号 (demo accounts, generated at first seed)\n管理端登录 POST /api/admin/v1/auth/login {username, password}\n\n';
  appendFileSync(file, `${header}${credentialLines(created)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

function printBlock(file: string, out: NodeJS.WritableStream): void {
  if (!existsSync(file)) return;
  const bar = '='.repeat(72);
  out.write(`\n${bar}\n${readFileSync(file, 'utf8').trimEnd()}\n(${file})\n${bar}\n\n`);
}

function enabled(config: SeedStartDeps['config']): boolean {
  if (config.SEED_DEMO === 'false') return false;
  // Demo accounts with printed passwords have no place in production unless asked for.
  return config.NODE_ENV !== 'production' || config.SEED_DEMO === 'true';
}

/** Decides whether to seed, seeds, records the outcome and prints the demo accounts. */
export async function seedDemoOnStart(deps: SeedStartDeps, out: NodeJS.WritableStream = process.stdout): Promise<SeedOutcome> {
  if (!enabled(deps.config)) return { decision: 'disabled' };
  const markers = markerModel(deps.db);
  const file = credentialsFile(deps.config.dataDir);
  const marker = await markers.findById('demo-org').lean();
  if (marker?.doneAt) {
    printBlock(file, out);
    return { decision: 'already-seeded' };
  }
  if (!marker) {
    if (await unitModel(deps.db).exists({})) return { decision: 'not-empty' };
    await markers.create({ _id: 'demo-org', startedAt: deps.clock.now() }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }
  const org = await seedDemoOrg(deps);
  // The printed demo QR links (e.g. /h5/?scene=demo-renminlu) must open a real code point.
  await seedDemoCatalogAndScenes(deps);
  // The README's Open311 session files with this key (the line `demo-open311 <api_key>`).
  const open311Key = await seedDemoOpen311Client(deps);
  writeCredentials(file, [...org.created, ...open311Key]);
  await markers.updateOne({ _id: 'demo-org' }, { $set: { doneAt: deps.clock.now() } });
  deps.logger.warn({ units: Object.keys(org.units).length, accounts: org.created.length, credentials: file }, 'demo organisation (白银市) seeded; set SEED_DEMO=false to skip');
  printBlock(file, out);
  return { decision: 'seeded', org };
}
