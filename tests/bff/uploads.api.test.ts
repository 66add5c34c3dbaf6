import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TokenService } from '../../bff/src/auth/tokens';
import { LocalStorage } from '../../bff/src/storage/local-storage';
import { releaseAttachments, verifyAttachments } from '../../bff/src/uploads/service';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app';

const tokens = new TokenService(TEST_JWT_SECRET);
const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const auth = (id: string) => ({ Authorization: `Bearer ${tokens.signCitizen(id)}` });

/** Real file heads: what a phone would send, as far as magic numbers go. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  Buffer.alloc(64, 1),
]);
const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp42`), Buffer.alloc(256, 0)]);
const MP4 = ftyp('isom');
const M4A = ftyp('M4A ');

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function issue(citizen: string, body: Record<string, unknown>) {
  return t.http.post('/api/v1/uploads').set(auth(citizen)).send(body);
}

/** Posts the form the way Taro.uploadFile does: formData fields, then `file`. */
function postForm(uploadUrl: string, fields: Record<string, string>, file: Buffer, mime = 'application/octet-stream') {
  const req = t.http.post(new URL(uploadUrl).pathname);
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req.attach('file', file, { filename: 'upload.bin', contentType: mime });
}

async function uploaded(citizen: string, kind: string, mime: string, bytes: Buffer, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await issue(citizen, { kind, mime, size: bytes.length, ...extra });
  expect(res.status).toBe(201);
  const put = await postForm(res.body.uploadUrl, res.body.fields, bytes, mime);
  expect(put.status).toBe(200);
  return res.body.key;
}

describe('POST /api/v1/uploads (000 §9 attachment limits)', () => {
  test('when a citizen asks for an image upload, then a policy for an opaque key (nothing of the citizen in it) comes back', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/jpeg', size: 1000 });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^m\/202611\/[0-9a-f]{32}\.jpg$/);
    expect(res.body.key).not.toContain(ALICE);
    expect(new URL(res.body.uploadUrl).pathname).toBe('/api/v1/uploads/local');
    expect(res.body.fields).toMatchObject({ key: res.body.key, OSSAccessKeyId: 'local', 'Content-Type': 'image/jpeg', success_action_status: '200' });
    expect(new Date(res.body.expiresAt).getTime() - t.clock.now().getTime()).toBe(10 * 60 * 1000);
    const policy = JSON.parse(Buffer.from(res.body.fields.policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['eq', '$key', res.body.key], ['content-length-range', 1, 10 * 1024 * 1024], ['eq', '$Content-Type', 'image/jpeg']]));
  });

  test('when an image is over 10 MB, then 413 MEDIA_TOO_LARGE', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: 10 * 1024 * 1024 + 1 });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('MEDIA_TOO_LARGE');
  });

  test('when the type is not allowed for the kind, then 400 MEDIA_TYPE_NOT_ALLOWED', async () => {
    const res = await issue(ALICE, { kind: 'video', mime: 'image/png', size: 100 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
  });

  test('when a voice note is longer than 60 s, then 400 MEDIA_TOO_LONG', async () => {
    const res = await issue(ALICE, { kind: 'voice', mime: 'audio/mp4', size: 100, duration: 61 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MEDIA_TOO_LONG');
  });

  test('when the body is malformed or the caller anonymous, then 400 / 401 and never a 500', async () => {
    expect((await issue(ALICE, { kind: 'sound', mime: 'x', size: -1 })).status).toBe(400);
    expect((await t.http.post('/api/v1/uploads').send({ kind: 'image', mime: 'image/png', size: 1 })).status).toBe(401);
  });
});

describe('local adapter: PostObject-compatible upload endpoint', () => {
  test('when the signed form is posted, then the file lands under DATA_DIR/uploads at its key and nothing is left in temp', async () => {
    const key = await uploaded(ALICE, 'image', 'image/png', PNG);
    expect(existsSync(path.join(t.config.dataDir, 'uploads', key))).toBe(true);
    expect(readdirSync(path.join(t.config.dataDir, 'uploads', '.tmp'))).toEqual([]);
  });

  test('when the signature is forged, then 403 UPLOAD_SIGNATURE_INVALID and nothing is written', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: PNG.length });
    const put = await postForm(res.body.uploadUrl, { ...res.body.fields, Signature: 'AAAA' + res.body.fields.Signature.slice(4) }, PNG);
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('UPLOAD_SIGNATURE_INVALID');
    expect(existsSync(path.join(t.config.dataDir, 'uploads', res.body.key))).toBe(false);
  });

  test('when the policy is older than 10 minutes, then 403 UPLOAD_POLICY_EXPIRED', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: PNG.length });
    t.clock.advance(10 * 60 * 1000 + 1);
    const put = await postForm(res.body.uploadUrl, res.body.fields, PNG);
    t.clock.set('2026-11-24T09:00:00+08:00');
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('UPLOAD_POLICY_EXPIRED');
  });

  test('when the form names another key or content type than the policy, then 403 UPLOAD_POLICY_VIOLATED', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: PNG.length });
    const otherKey = res.body.key.replace(/[0-9a-f]{32}/, 'f'.repeat(32));
    expect((await postForm(res.body.uploadUrl, { ...res.body.fields, key: otherKey }, PNG)).body.error.code).toBe('UPLOAD_POLICY_VIOLATED');
    expect((await postForm(res.body.uploadUrl, { ...res.body.fields, 'Content-Type': 'text/html' }, PNG)).body.error.code).toBe('UPLOAD_POLICY_VIOLATED');
  });

  test('when the request names another Host or X-Forwarded-Host, then the upload URL still comes from configuration (the listen address without PUBLIC_BASE_URL)', async () => {
    const res = await t.http.post('/api/v1/uploads').set(auth(ALICE)).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil2.example').set('X-Forwarded-Proto', 'https').send({ kind: 'image', mime: 'image/png', size: PNG.length });
    expect(res.status).toBe(201);
    expect(new URL(res.body.uploadUrl).origin).toBe(`http://127.0.0.1:${t.config.PORT}`);
    const behindProxy = await buildTestApp({ PUBLIC_BASE_URL: 'https://mashang.example.cn/', TRUSTED_PROXY_HOPS: '1' });
    try {
      const issued = await behindProxy.http.post('/api/v1/uploads').set(auth(ALICE)).set('X-Forwarded-Host', 'evil.example').send({ kind: 'image', mime: 'image/png', size: PNG.length });
      expect(issued.body.uploadUrl).toBe('https://mashang.example.cn/api/v1/uploads/local');
    } finally {
      await behindProxy.close();
    }
  });

  test('when the file is larger than the policy allows, then 413 MEDIA_TOO_LARGE and no file remains', async () => {
    const res = await issue(ALICE, { kind: 'voice', mime: 'audio/mp4', size: 100 });
    const put = await postForm(res.body.uploadUrl, res.body.fields, Buffer.alloc(2 * 1024 * 1024 + 1, 7));
    expect(put.status).toBe(413);
    expect(put.body.error.code).toBe('MEDIA_TOO_LARGE');
    expect(existsSync(path.join(t.config.dataDir, 'uploads', res.body.key))).toBe(false);
  });

  test('when a file far over the policy is sent, then 413 MEDIA_TOO_LARGE comes at once, without reading the rest', async () => {
    // 40 MB: refused when the file passes the voice policy's 2 MB; 60 MB: by Content-Length, beyond any medium.
    for (const mb of [40, 60]) {
      const res = await issue(ALICE, { kind: 'voice', mime: 'audio/mp4', size: 100 });
      const started = Date.now();
      const put = await postForm(res.body.uploadUrl, res.body.fields, Buffer.alloc(mb * 1024 * 1024, 7)).catch((err: { response?: { status: number; body: unknown } }) => err.response);
      expect(Date.now() - started).toBeLessThan(5000);
      expect([put?.status, (put?.body as { error?: { code?: string } })?.error?.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
      expect(existsSync(path.join(t.config.dataDir, 'uploads', res.body.key))).toBe(false);
    }
  });

  test('when the same policy is used twice, then the second upload is refused with 409 OBJECT_EXISTS (no overwrite after checks)', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: PNG.length });
    expect((await postForm(res.body.uploadUrl, res.body.fields, PNG)).status).toBe(200);
    const again = await postForm(res.body.uploadUrl, res.body.fields, Buffer.from('<html>'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('OBJECT_EXISTS');
  });

  test('when fields come after the file or the body is not multipart, then 400 UPLOAD_FORM_INVALID', async () => {
    const res = await issue(ALICE, { kind: 'image', mime: 'image/png', size: PNG.length });
    const late = t.http.post('/api/v1/uploads/local').field('policy', res.body.fields.policy).attach('file', PNG, 'a.png').field('key', res.body.key);
    expect((await late).body.error.code).toBe('UPLOAD_FORM_INVALID');
    const json = await t.http.post('/api/v1/uploads/local').send({ key: res.body.key });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('UPLOAD_FORM_INVALID');
  });

  test('when a key tries to climb out of the uploads directory, then no path is ever produced', () => {
    const storage = t.deps.storage as LocalStorage;
    for (const key of ['c/../../dev-secrets.json', `c/${ALICE}/202611/../../../x.png`, '/etc/passwd', `c/${ALICE}/202611/${'a'.repeat(32)}.png/../x`, 'm/../../dev-secrets.json', `m/202611/../${'a'.repeat(32)}.png`, `m/202611/${'a'.repeat(32)}.png/../x`]) {
      expect(storage.pathFor(key)).toBeNull();
    }
  });
});

describe('verifyAttachments: what a ticket may reference', () => {
  test('when a citizen attaches their photo, video and voice note, then descriptors come back and the keys are claimed', async () => {
    const img = await uploaded(ALICE, 'image', 'image/png', PNG);
    const vid = await uploaded(ALICE, 'video', 'video/mp4', MP4, { duration: 12 });
    const voice = await uploaded(ALICE, 'voice', 'audio/x-m4a', M4A, { duration: 8 });
    const out = await verifyAttachments(t.deps, ALICE, [img, vid, voice], '20261124-000001');
    expect(out).toEqual([
      { key: img, kind: 'image', mime: 'image/png', size: PNG.length },
      { key: vid, kind: 'video', mime: 'video/mp4', size: MP4.length, duration: 12 },
      { key: voice, kind: 'voice', mime: 'audio/x-m4a', size: M4A.length, duration: 8 },
    ]);
    // A retried submit of the same ticket passes again.
    await expect(verifyAttachments(t.deps, ALICE, [img], '20261124-000001')).resolves.toHaveLength(1);
  });

  test('when another citizen references the key, then 403 MEDIA_NOT_OWNED', async () => {
    const img = await uploaded(ALICE, 'image', 'image/png', PNG);
    await expect(verifyAttachments(t.deps, BOB, [img], '20261124-000002')).rejects.toMatchObject({ status: 403, code: 'MEDIA_NOT_OWNED' });
  });

  test('when a key is reused for a second ticket, then 409 MEDIA_ALREADY_USED', async () => {
    const img = await uploaded(ALICE, 'image', 'image/png', PNG);
    await verifyAttachments(t.deps, ALICE, [img], '20261124-000003');
    await expect(verifyAttachments(t.deps, ALICE, [img], '20261124-000004')).rejects.toMatchObject({ status: 409, code: 'MEDIA_ALREADY_USED' });
  });

  test('when PNG bytes are declared as a video, then 400 MEDIA_TYPE_MISMATCH', async () => {
    const fake = await uploaded(ALICE, 'video', 'video/mp4', PNG);
    await expect(verifyAttachments(t.deps, ALICE, [fake], '20261124-000005')).rejects.toMatchObject({ status: 400, code: 'MEDIA_TYPE_MISMATCH' });
  });

  test('when one key of several fails, then none is claimed and the good ones stay usable', async () => {
    const good = await uploaded(ALICE, 'image', 'image/png', PNG);
    const notUploaded = (await issue(ALICE, { kind: 'image', mime: 'image/png', size: 10 })).body.key;
    await expect(verifyAttachments(t.deps, ALICE, [good, notUploaded], '20261124-000006')).rejects.toMatchObject({ status: 404, code: 'MEDIA_NOT_FOUND' });
    await expect(verifyAttachments(t.deps, ALICE, [good], '20261124-000007')).resolves.toHaveLength(1);
  });

  test('when a ticket is not stored after all, then releaseAttachments frees its keys', async () => {
    const img = await uploaded(ALICE, 'image', 'image/png', PNG);
    await verifyAttachments(t.deps, ALICE, [img], '20261124-000008');
    await releaseAttachments(t.deps, [img], '20261124-000008');
    await expect(verifyAttachments(t.deps, ALICE, [img], '20261124-000009')).resolves.toHaveLength(1);
  });

  test('when two tickets race for the same key, then exactly one gets it', async () => {
    const img = await uploaded(ALICE, 'image', 'image/png', PNG);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => verifyAttachments(t.deps, ALICE, [img], `20261124-00010${i}`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('000 §9 when two videos, a duplicate or an unknown key are referenced, then 400 codes', async () => {
    const v1 = await uploaded(ALICE, 'video', 'video/mp4', MP4);
    const v2 = await uploaded(ALICE, 'video', 'video/mp4', MP4);
    await expect(verifyAttachments(t.deps, ALICE, [v1, v2], '20261124-000010')).rejects.toMatchObject({ code: 'MEDIA_TOO_MANY' });
    await expect(verifyAttachments(t.deps, ALICE, [v1, v1], '20261124-000010')).rejects.toMatchObject({ code: 'MEDIA_DUPLICATE' });
    await expect(verifyAttachments(t.deps, ALICE, ['../../etc/passwd'], '20261124-000010')).rejects.toMatchObject({ code: 'MEDIA_KEY_INVALID' });
  });
});
