import { createHmac } from 'node:crypto';
import supertest from 'supertest';
import { TokenService } from '../../bff/src/auth/tokens';
import { ManualClock } from '../../bff/src/lib/clock';
import { OssStorage } from '../../bff/src/storage/oss-storage';
import { sealKey } from '../../bff/src/media/handles';
import { uploadModel } from '../../bff/src/uploads/model';
import { verifyAttachments } from '../../bff/src/uploads/service';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app';
import { startFakeOss, type FakeOss } from '../support/fake-oss';

const tokens = new TokenService(TEST_JWT_SECRET);
const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const auth = { Authorization: `Bearer ${tokens.signCitizen(ALICE)}` };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(80, 2)]);

describe('Aliyun PostObject policy and signature (documented V1 algorithm, fixed key)', () => {
  test('when a policy is issued, then it is the documented JSON, base64, signed base64(HMAC-SHA1(secret, policy))', () => {
    const clock = new ManualClock(new Date('2026-11-24T01:00:00.000Z'));
    const oss = new OssStorage({ region: 'cn-hangzhou', bucket: 'demo-bucket', accessKeyId: 'LTAIfixedid', accessKeySecret: 'fixed-secret-123', clock });
    const key = `c/${ALICE}/202611/${'0'.repeat(32)}.png`;
    const issued = oss.createUploadPolicy(key, 'image/png', 1024);

    const expectedJson =
      '{"expiration":"2026-11-24T01:10:00.000Z","conditions":[{"bucket":"demo-bucket"},["eq","$key","' +
      key +
      '"],["eq","$Content-Type","image/png"],["content-length-range",1,1024],["eq","$success_action_status","200"],["eq","$x-oss-forbid-overwrite","true"]]}';
    const expectedPolicy = Buffer.from(expectedJson, 'utf8').toString('base64');
    const expectedSignature = createHmac('sha1', 'fixed-secret-123').update(expectedPolicy).digest('base64');

    expect(issued.uploadUrl).toBe('https://demo-bucket.oss-cn-hangzhou.aliyuncs.com/');
    expect(issued.expiresAt.toISOString()).toBe('2026-11-24T01:10:00.000Z');
    expect(issued.fields).toEqual({
      key,
      policy: expectedPolicy,
      OSSAccessKeyId: 'LTAIfixedid',
      Signature: expectedSignature,
      'Content-Type': 'image/png',
      success_action_status: '200',
      'x-oss-forbid-overwrite': 'true',
    });
  });
});

describe('oss adapter end to end through ali-oss against a fake OSS on loopback', () => {
  let t: TestApp;
  let fake: FakeOss;

  beforeAll(async () => {
    let clock: ManualClock | undefined;
    fake = await startFakeOss({ now: () => clock?.now() ?? new Date() });
    t = await buildTestApp({
      OSS_REGION: 'oss-cn-hangzhou',
      OSS_BUCKET: fake.bucket,
      OSS_ACCESS_KEY_ID: fake.accessKeyId,
      OSS_ACCESS_KEY_SECRET: fake.accessKeySecret,
      OSS_ENDPOINT: fake.endpoint,
    });
    clock = t.clock;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('when OSS is the store, then its origin is the one the web apps’ CSP allows for uploads and media', () => {
    expect(t.deps.storage.origin).toBe(new URL(fake.endpoint).origin);
  });

  async function issueAndUpload(kind: string, mime: string, bytes: Buffer, fieldsOverride: Record<string, string> = {}, declaredSize = bytes.length) {
    const issued = await t.http.post('/api/v1/uploads').set(auth).send({ kind, mime, size: declaredSize });
    expect(issued.status).toBe(201);
    const form = supertest(issued.body.uploadUrl).post('');
    for (const [k, v] of Object.entries({ ...issued.body.fields, ...fieldsOverride } as Record<string, string>)) form.field(k, v);
    const put = await form.attach('file', bytes, { filename: 'x', contentType: mime });
    return { key: issued.body.key as string, issued: issued.body, put };
  }

  test('when the mini-program posts the form to OSS, then the object is stored, verified by HEAD + ranged GET, and readable via signatureUrl', async () => {
    expect(t.deps.storage.kind).toBe('oss');
    const { key, issued, put } = await issueAndUpload('image', 'image/png', PNG);
    expect(issued.uploadUrl).toBe(`${fake.endpoint}/`);
    expect(put.status).toBe(200);
    expect(fake.objects.get(key)?.contentType).toBe('image/png');

    const [att] = await verifyAttachments(t.deps, ALICE, [key], '20261124-000001');
    expect(att).toEqual({ key, kind: 'image', mime: 'image/png', size: PNG.length });
    expect(fake.log.some((l) => l.startsWith('HEAD 200'))).toBe(true);
    expect(fake.log.some((l) => l.startsWith('GET 206'))).toBe(true);

    const read = await t.http.get(`/api/v1/media/${key}`).set(auth);
    expect(read.status).toBe(302);
    const location = new URL(read.headers.location);
    expect(location.origin).toBe(fake.endpoint);
    expect(location.searchParams.get('OSSAccessKeyId')).toBe(fake.accessKeyId);
    const got = await supertest(location.origin).get(`${location.pathname}${location.search}`).buffer(true);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);

    location.searchParams.set('Signature', 'forged');
    expect((await supertest(location.origin).get(`${location.pathname}${location.search}`)).status).toBe(403);
  });

  test('when the form is forged, altered, oversize or replayed, then OSS refuses it', async () => {
    expect((await issueAndUpload('image', 'image/png', PNG, { Signature: 'AAAA' })).put.status).toBe(403);
    expect((await issueAndUpload('image', 'image/png', PNG, { 'Content-Type': 'text/html' })).put.status).toBe(403);
    expect((await issueAndUpload('voice', 'audio/mp4', Buffer.alloc(2 * 1024 * 1024 + 1), {}, 100)).put.status).toBe(400);
    const first = await issueAndUpload('image', 'image/png', PNG);
    const again = supertest(first.issued.uploadUrl).post('');
    for (const [k, v] of Object.entries(first.issued.fields as Record<string, string>)) again.field(k, v);
    expect((await again.attach('file', Buffer.from('<html>'), 'x')).status).toBe(409);
  });

  test('when PNG bytes sit in OSS declared as a video, or nothing was uploaded, then verifyAttachments refuses', async () => {
    const { key } = await issueAndUpload('video', 'video/mp4', PNG);
    await expect(verifyAttachments(t.deps, ALICE, [key], '20261124-000002')).rejects.toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
    const missing = (await t.http.post('/api/v1/uploads').set(auth).send({ kind: 'image', mime: 'image/png', size: 10 })).body.key;
    await expect(verifyAttachments(t.deps, ALICE, [missing], '20261124-000003')).rejects.toMatchObject({ status: 404, code: 'MEDIA_NOT_FOUND' });
  });

  test('when keys are issued, then they carry nothing of the citizen, and another citizen cannot attach one (the upload record says whose it is)', async () => {
    const { key } = await issueAndUpload('image', 'image/png', PNG);
    expect(key).toMatch(/^m\/\d{6}\/[0-9a-f]{32}\.png$/);
    expect(key).not.toContain(ALICE);
    await expect(verifyAttachments(t.deps, BOB, [key], '20261124-000004')).rejects.toMatchObject({ status: 403, code: 'MEDIA_NOT_OWNED' });
    expect((await t.http.get(`/api/v1/media/${key}`).set({ Authorization: `Bearer ${tokens.signCitizen(BOB)}` })).status).toBe(404);
  });

  test('004 §14 when an object sits in OSS under an old per-citizen key, then a handle serves it through the BFF (ranges too) and no URL names the key', async () => {
    const legacy = `c/${ALICE}/202611/${'9'.repeat(32)}.png`;
    fake.objects.set(legacy, { body: PNG, contentType: 'image/png' });
    await uploadModel(t.db).create({ _id: legacy, citizenId: ALICE, kind: 'image', mime: 'image/png', maxSize: 1024, issuedAt: t.clock.now(), expiresAt: new Date(t.clock.now().getTime() + 600_000) });
    const handle = sealKey(t.deps.secrets.dataKey, legacy);
    const link = await t.http.get(`/api/v1/media/${handle}?redirect=false`).set(auth).expect(200);
    expect(link.body.url).not.toContain(ALICE);
    const url = new URL(link.body.url);
    expect(url.pathname.startsWith('/api/v1/media-handles/h/')).toBe(true);
    const got = await t.http.get(url.pathname + url.search).buffer(true).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);
    const part = await t.http.get(url.pathname + url.search).set('Range', 'bytes=4-9').buffer(true).expect(206);
    expect(Buffer.compare(part.body as Buffer, PNG.subarray(4, 10))).toBe(0);
    expect(part.headers['content-range']).toBe(`bytes 4-9/${PNG.length}`);
    fake.objects.delete(legacy);
    expect((await t.http.get(url.pathname + url.search)).body.error.code).toBe('MEDIA_NOT_FOUND');
  });

  test('when OSS is configured, then the local upload endpoint does not exist', async () => {
    expect((await t.http.post('/api/v1/uploads/local')).status).toBe(404);
  });
});
