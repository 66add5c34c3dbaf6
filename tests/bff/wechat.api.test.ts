import { WechatClient } from '../../bff/src/wechat/client';
import { qrCodeFor } from '../../bff/src/wechat/qr';
import { checkText } from '../../bff/src/wechat/sec-check';
import { buildTestApp, type TestApp } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const TOKEN = '/cgi-bin/stable_token';

let fake: FakeWechat;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeWechat();
  t = await buildTestApp({ WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

/** Another BFF instance: its own client, the same database. */
const secondInstance = () => new WechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, db: t.db, clock: t.clock, retryDelaysMs: [0, 0] });

describe('citizen login through jscode2session', () => {
  test('when WeChat accepts the code, then the citizen is signed in with the openid WeChat gave', async () => {
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'abc123' });
    expect(res.status).toBe(200);
    const citizen = await t.db.collection('citizens').findOne({ openid: 'o_abc123' });
    expect(citizen?._id).toBe(res.body.citizen.id);
  });

  test('when the code is invalid (40029), then 400 WECHAT_CODE_INVALID', async () => {
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'bad-code' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  test('when WeChat rate-limits the app (45011), then 429 WECHAT_RATE_LIMITED', async () => {
    fake.script('/sns/jscode2session', 45011);
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'abc' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('WECHAT_RATE_LIMITED');
  });

  test('when WeChat is busy (-1) once, then the call is retried and the login succeeds; when it stays busy, then 503', async () => {
    fake.script('/sns/jscode2session', -1);
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'busy1' })).status).toBe(200);
    fake.script('/sns/jscode2session', -1, -1, -1);
    const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'busy2' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  test('when no WECHAT_APPID is set, then dev-login mode turns code x into openid dev_x without asking WeChat', async () => {
    const dev = await buildTestApp();
    try {
      expect(dev.deps.wechat).toBeUndefined();
      const before = fake.calls['/sns/jscode2session'] ?? 0;
      const res = await dev.http.post('/api/v1/auth/wechat').send({ code: 'tester' });
      expect(res.status).toBe(200);
      expect(await dev.db.collection('citizens').findOne({ openid: 'dev_tester' })).not.toBeNull();
      expect(fake.calls['/sns/jscode2session'] ?? 0).toBe(before);
    } finally {
      await dev.close();
    }
  });
});

describe('the shared access token (stable_token, cached in the database)', () => {
  test('when two instances need a token at once, then WeChat is asked once and both use the cached token', async () => {
    await t.db.collection('wechat_tokens').deleteMany({});
    const before = fake.calls[TOKEN] ?? 0;
    const [a, b] = [secondInstance(), secondInstance()];
    const results = await Promise.all([a.msgSecCheck('o_1', '你好'), b.msgSecCheck('o_2', '你好'), a.msgSecCheck('o_3', '你好')]);
    expect(results.map((r) => r.suggest)).toEqual(['pass', 'pass', 'pass']);
    expect(fake.calls[TOKEN] - before).toBe(1);
    await b.msgSecCheck('o_4', '再来一次');
    expect(fake.calls[TOKEN] - before).toBe(1);
  });

  test('when WeChat says the token expired (40001), then one instance force-refreshes it once and both calls succeed', async () => {
    await t.deps.wechat!.msgSecCheck('o_1', '预热');
    const before = fake.calls[TOKEN];
    fake.expireToken();
    const [a, b] = [secondInstance(), secondInstance()];
    const results = await Promise.all([a.msgSecCheck('o_1', '你好'), b.msgSecCheck('o_2', '你好')]);
    expect(results.map((r) => r.suggest)).toEqual(['pass', 'pass']);
    expect(fake.calls[TOKEN] - before).toBe(1);
  });

  test('when the cached token reaches its expiry, then a new one is fetched', async () => {
    await t.deps.wechat!.msgSecCheck('o_1', '预热');
    const before = fake.calls[TOKEN];
    t.clock.advance(7200_000);
    await t.deps.wechat!.msgSecCheck('o_1', '过期后');
    t.clock.set('2026-11-24T09:00:00+08:00');
    expect(fake.calls[TOKEN] - before).toBe(1);
  });
});

describe('msg_sec_check v2 on submitted text', () => {
  test('when WeChat says pass / risky / review, then the verdict is pass / risky / review', async () => {
    expect(await checkText(t.deps, 'o_1', '路灯坏了')).toMatchObject({ verdict: 'pass', checked: true });
    expect(await checkText(t.deps, 'o_1', '违禁内容')).toMatchObject({ verdict: 'risky', label: 20001 });
    expect(await checkText(t.deps, 'o_1', '待审内容')).toMatchObject({ verdict: 'review', checked: true });
  });

  test('when WeChat is unreachable, then the text is accepted for manual review, never lost', async () => {
    fake.setDown(true);
    try {
      expect(await checkText(t.deps, 'o_1', '路灯坏了')).toEqual({ verdict: 'review', checked: false });
    } finally {
      fake.setDown(false);
    }
  });

  test('when WeChat is not configured (dev), then the text passes unchecked', async () => {
    expect(await checkText({ logger: t.deps.logger }, 'dev_x', '路灯坏了')).toEqual({ verdict: 'pass', checked: false });
  });
});

describe('phone binding with getuserphonenumber', () => {
  test('when the citizen taps the phone button, then the number WeChat returns is bound to them', async () => {
    const login = await t.http.post('/api/v1/auth/wechat').send({ code: 'phoneuser' });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const res = await t.http.post('/api/v1/me/phone').set(auth).send({ code: 'phonecode1' });
    expect(res.status).toBe(200);
    expect(res.body.citizen.phone).toBe('13800138000');
    const bad = await t.http.post('/api/v1/me/phone').set(auth).send({ code: 'bad-phone-code' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('WECHAT_CODE_INVALID');
    expect((await t.http.post('/api/v1/me/phone').set(auth).send({ code: '' })).status).toBe(400);
  });
});

describe('QR codes for QR points', () => {
  test('when WeChat is configured, then the mini-program code comes from getwxacodeunlimit', async () => {
    const qr = await qrCodeFor(t.deps, 'pt-001');
    expect(qr.source).toBe('wechat');
    expect(qr.image.subarray(0, 4)).toEqual(PNG_MAGIC);
  });

  test('when WeChat fails or is not configured, then a plain PNG QR of the h5 link comes back', async () => {
    fake.script('/wxa/getwxacodeunlimit', 45009);
    const failing = await qrCodeFor(t.deps, 'pt-002');
    expect(failing).toMatchObject({ source: 'h5-link', contentType: 'image/png' });
    expect(failing.image.subarray(0, 4)).toEqual(PNG_MAGIC);
    const dev = await qrCodeFor({ config: t.config, logger: t.deps.logger }, 'pt-003');
    expect(dev.source).toBe('h5-link');
    await expect(qrCodeFor(t.deps, 'x'.repeat(33))).rejects.toMatchObject({ code: 'SCENE_INVALID' });
  });
});
