import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff, type TestStaff } from '../support/builders/staff';
import { buildDemoOrg, type DemoOrg } from '../fixtures/demo-org';
import { seedDemoCatalogAndScenes } from '../../bff/src/catalog';

let t: TestApp;
let admin: TestStaff;
let org: DemoOrg;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_BASE_URL: 'https://mashang.example.cn', TRUSTED_PROXY_HOPS: '1' });
  admin = await buildStaff(t, { roles: ['admin'] });
  org = await buildDemoOrg(t, admin.token);
  await seedDemoCatalogAndScenes(t.deps);
});
afterAll(() => t.close());

const auth = (s: { token: string }) => ['Authorization', `Bearer ${s.token}`] as const;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const point = { name: '东山社区广场', address: '白银区东山路1号', location: { lat: 36.55, lng: 104.18 }, categories: ['010101', '010103'] };

describe('QR code points (码上反映)', () => {
  it('when an admin creates a point, then it gets a short [A-Za-z0-9] scene code and can be read, listed and edited', async () => {
    const created = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, region: org.renminluStreet, defaultUnit: org.renminluStreet });
    expect(created.status).toBe(201);
    const scene = created.body.scene;
    expect(scene.scene).toMatch(/^[A-Za-z0-9]{1,32}$/);
    expect(scene).toMatchObject({ id: scene.scene, active: true, scans: 0, version: 0, region: org.renminluStreet });

    const edited = await t.http.patch(`/api/admin/v1/scenes/${scene.id}`).set(...auth(admin)).set('If-Match', '0').send({ name: '东山社区文化广场', categories: ['010102'] });
    expect(edited.body.scene).toMatchObject({ name: '东山社区文化广场', categories: ['010102'], version: 1 });
    expect((await t.http.patch(`/api/admin/v1/scenes/${scene.id}`).set(...auth(admin)).set('If-Match', '0').send({ name: '旧版本' })).status).toBe(412);

    const list = await t.http.get('/api/admin/v1/scenes').set(...auth(admin)).query({ q: '东山' });
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([scene.id]);
    expect((await t.http.get(`/api/admin/v1/scenes/${scene.id}`).set(...auth(admin))).body.scene.name).toBe('东山社区文化广场');
  });

  it('when the mini-program looks up a scanned code, then it gets the place, suggested unit and categories, and the scan is counted', async () => {
    const first = await t.http.get('/api/v1/scenes/demo-renminlu');
    expect(first.status).toBe(200);
    expect(first.body.scene).toEqual({
      scene: 'demo-renminlu',
      name: '人民路街道·锦绣花园小区南门',
      address: '甘肃省白银市白银区人民路128号',
      location: { lat: 36.5458, lng: 104.1739 },
      suggestedUnit: { id: org.renminluStreet, name: '人民路街道办事处' },
      categories: [
        { code: '010102', name: '占道经营', path: '城乡建设/市容环境/占道经营' },
        { code: '010103', name: '垃圾清运', path: '城乡建设/市容环境/垃圾清运' },
        { code: '010101', name: '路灯照明', path: '城乡建设/市容环境/路灯照明' },
      ],
    });
    await t.http.get('/api/v1/scenes/demo-renminlu');
    const admin_ = await t.http.get('/api/admin/v1/scenes/demo-renminlu').set(...auth(admin));
    expect(admin_.body.scene.scans).toBe(2);
  });

  it('when a point is deactivated or unknown, then the lookup answers 404 SCENE_NOT_FOUND; a scanned point cannot be erased', async () => {
    const off = await t.http.patch('/api/admin/v1/scenes/demo-gongyuanlu-market').set(...auth(admin)).send({ active: false });
    expect(off.body.scene.active).toBe(false);
    for (const code of ['demo-gongyuanlu-market', 'nosuchcode']) {
      const res = await t.http.get(`/api/v1/scenes/${code}`);
      expect([res.status, res.body.error.code]).toEqual([404, 'SCENE_NOT_FOUND']);
    }
    expect((await t.http.get('/api/v1/scenes/bad%20code')).status).toBe(400);
    const erase = await t.http.delete('/api/admin/v1/scenes/demo-renminlu').set(...auth(admin));
    expect([erase.status, erase.body.error.code]).toEqual([409, 'SCENE_IN_USE']);
    const fresh = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, scene: 'tmp-mistake' });
    expect((await t.http.delete(`/api/admin/v1/scenes/${fresh.body.scene.id}`).set(...auth(admin))).status).toBe(204);
    expect((await t.http.get('/api/admin/v1/scenes/tmp-mistake').set(...auth(admin))).status).toBe(404);
  });

  it('when the QR image is requested, then a PNG comes back (plain QR to the h5 link without WeChat)', async () => {
    const res = await t.http.get('/api/admin/v1/scenes/demo-silonglu-park/qrcode').set(...auth(admin)).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(0, 8)).toEqual(PNG_MAGIC);
  });

  it('when the poster is requested, then an A4 SVG names the place, embeds the code and shows 扫码 → 说问题 → 查进度', async () => {
    const res = await t.http.get('/api/admin/v1/scenes/demo-silonglu-park/poster').set(...auth(admin)).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (res.body as Buffer).toString('utf8');
    expect(svg).toContain('width="210mm" height="297mm"');
    expect(svg).toContain('四龙路公园');
    expect(svg).toContain('扫码反映问题');
    for (const step of ['扫码', '说问题', '查进度']) expect(svg).toContain(`>${step}<`);
    expect(svg).toContain('data:image/png;base64,iVBORw0KGgo');
    expect(svg).toContain('Microsoft YaHei');
  });

  it('when a place name contains markup, then the poster escapes it', async () => {
    const created = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, name: '<script>&"广场"' });
    const res = await t.http.get(`/api/admin/v1/scenes/${created.body.scene.id}/poster`).set(...auth(admin)).buffer(true);
    const svg = (res.body as Buffer).toString('utf8');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;广场&quot;');
  });

  it('when input is bad or the caller may not, then 4xx with a code', async () => {
    const bad = [
      { ...point, location: { lat: 100, lng: 0 } },
      { ...point, scene: 'x'.repeat(33) },
      { ...point, scene: '中文' },
      { ...point, categories: ['1'] },
      { ...point, name: '' },
      { ...point, region: { $gt: '' } },
    ];
    for (const body of bad) {
      const res = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const ghost = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, defaultUnit: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect([ghost.status, ghost.body.error.code]).toEqual([422, 'UNIT_NOT_FOUND']);
    const noCategory = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, categories: ['999999'] });
    expect([noCategory.status, noCategory.body.error.code]).toEqual([422, 'CATEGORY_NOT_FOUND']);
    const taken = await t.http.post('/api/admin/v1/scenes').set(...auth(admin)).send({ ...point, scene: 'demo-zhengwu' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'SCENE_TAKEN']);
    const handler = await buildStaff(t, { roles: ['handler'], unit: org.water });
    expect((await t.http.post('/api/admin/v1/scenes').set(...auth(handler)).send(point)).status).toBe(403);
    expect((await t.http.get('/api/admin/v1/scenes/demo-zhengwu/qrcode').set(...auth(handler))).status).toBe(403);
    expect((await t.http.get('/api/admin/v1/scenes/demo-zhengwu/poster')).status).toBe(401);
  });

  it('000 §29 when one address looks up codes too often, then 429 RATE_LIMITED with Retry-After', async () => {
    let last = await t.http.get('/api/v1/scenes/demo-zhengwu').set('X-Forwarded-For', '203.0.113.9');
    for (let i = 0; i < 60 && last.status === 200; i++) last = await t.http.get('/api/v1/scenes/demo-zhengwu').set('X-Forwarded-For', '203.0.113.9');
    expect([last.status, last.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http.get('/api/v1/scenes/demo-zhengwu').set('X-Forwarded-For', '203.0.113.10')).status).toBe(200);
  });
});
