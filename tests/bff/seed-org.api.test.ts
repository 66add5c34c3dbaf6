import { readFileSync, statSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { buildTestApp, type TestApp } from '../support/app';
import { loginStaff } from '../support/builders/staff';
import { seedDemoOrg } from '../../bff/src/seed/demo-org';
import { credentialsFile, seedDemoOnStart } from '../../bff/src/seed/startup';
import { DEMO_STAFF, DEMO_UNITS } from '../../bff/src/seed/demo-org-data';
import { unitModel } from '../../bff/src/units/model';
import { staffModel } from '../../bff/src/staff/model';
import { unitSubtreeIds } from '../../bff/src/units/service';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return { out, text: () => text };
}

describe('demo organisation seed (白银市)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when started on an empty database, then the tree and one account per role are created, printed and written 0600', async () => {
    const printed = capture();
    const outcome = await seedDemoOnStart(t.deps, printed.out);
    expect(outcome.decision).toBe('seeded');
    expect(await unitModel(t.db).countDocuments()).toBe(DEMO_UNITS.length);
    expect(await staffModel(t.db).countDocuments()).toBe(DEMO_STAFF.length);
    const file = credentialsFile(t.config.dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    for (const s of DEMO_STAFF) expect(text).toContain(s.username);
    expect(printed.text()).toContain('demo-operator');
  });

  it('when seeded, then the demo QR code points open for a citizen (the links the README prints)', async () => {
    const res = await t.http.get('/api/v1/scenes/demo-renminlu').expect(200);
    expect(res.body.scene).toMatchObject({ scene: 'demo-renminlu', suggestedUnit: { name: '人民路街道' } });
  });

  it('000 §16 when seeded, then the utilities are on 24-hour duty and the streets sit under their districts', async () => {
    const water = await unitModel(t.db).findOne({ name: '白银市供水公司' }).lean();
    expect(water).toMatchObject({ kind: 'utility', is24h: true });
    const district = await unitModel(t.db).findOne({ name: '白银区' }).lean();
    const street = await unitModel(t.db).findOne({ name: '人民路街道' }).lean();
    expect(await unitSubtreeIds(t.db, district!._id)).toContain(street!._id);
  });

  it('when a printed demo password is used, then that account logs in with its role and unit', async () => {
    const text = readFileSync(credentialsFile(t.config.dataDir), 'utf8');
    const line = text.split('\n').find((l) => l.trim().startsWith('demo-renminlu'))!;
    const password = line.trim().split(/\s+/)[1];
    const token = await loginStaff(t, 'demo-renminlu', password);
    const me = await t.http.get('/api/admin/v1/me').set(bearer(token)).expect(200);
    const street = await unitModel(t.db).findOne({ name: '人民路街道' }).lean();
    expect(me.body.staff).toMatchObject({ roles: ['handler'], unit: street!._id });
  });

  it('when seeding runs again, then nothing is duplicated and no password changes; the next start only prints', async () => {
    const before = await staffModel(t.db).find({}, { passwordHash: 1 }).sort({ _id: 1 }).lean();
    const again = await seedDemoOrg(t.deps);
    expect(again.created).toEqual([]);
    expect(Object.keys(again.units)).toHaveLength(DEMO_UNITS.length);
    expect(await unitModel(t.db).countDocuments()).toBe(DEMO_UNITS.length);
    expect(await staffModel(t.db).find({}, { passwordHash: 1 }).sort({ _id: 1 }).lean()).toEqual(before);
    const printed = capture();
    expect((await seedDemoOnStart(t.deps, printed.out)).decision).toBe('already-seeded');
    expect(printed.text()).toContain('demo-admin');
  });
});

describe('demo seed decisions', () => {
  it('when SEED_DEMO=false, or in production without SEED_DEMO=true, then nothing is seeded', async () => {
    const t = await buildTestApp({ SEED_DEMO: 'false' });
    try {
      expect((await seedDemoOnStart(t.deps, new PassThrough())).decision).toBe('disabled');
      const prod = { ...t.deps, config: { ...t.config, NODE_ENV: 'production' as const, SEED_DEMO: undefined } };
      expect((await seedDemoOnStart(prod, new PassThrough())).decision).toBe('disabled');
      expect(await unitModel(t.db).countDocuments()).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('when the database already holds a real organisation, then the demo is not added', async () => {
    const t = await buildTestApp();
    try {
      const base = { parent: null, parentKey: '', level: 'city' as const, kind: 'government' as const, ancestors: ['aaaaaaaaaaaaaaaaaaaaaaaa'], path: ',aaaaaaaaaaaaaaaaaaaaaaaa,', depth: 0, createdAt: new Date(), updatedAt: new Date() };
      await unitModel(t.db).create({ _id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '菏泽市', ...base });
      expect((await seedDemoOnStart(t.deps, new PassThrough())).decision).toBe('not-empty');
      expect(await unitModel(t.db).countDocuments()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
