import { MEDIA_KINDS, MEDIA_LIMITS } from '@mashang/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen } from '../support/builders/staff';

/** `POST /api/v1/uploads` documents `mime` as the enum of MIME types the server accepts for each kind (MEDIA_LIMITS). */
let t: TestApp;
let token: string;
type Branch = { properties: { kind: { enum: string[] }; mime: { enum?: string[] } }; required: string[] };
let branches: Branch[];
beforeAll(async () => {
  t = await buildTestApp();
  const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
  branches = doc.paths['/api/v1/uploads'].post.requestBody.content['application/json'].schema.oneOf;
  token = (await buildCitizen(t)).token;
});
afterAll(() => t.close());

describe('upload mime in the OpenAPI document', () => {
  test('when a client reads the upload request schema, then each kind lists exactly the MIME types the server accepts for it, and the server accepts each of them', async () => {
    expect(branches.map((b) => b.properties.kind.enum[0]).sort()).toEqual([...MEDIA_KINDS].sort());
    for (const b of branches) {
      const kind = b.properties.kind.enum[0] as (typeof MEDIA_KINDS)[number];
      expect(b.properties.mime.enum).toEqual([...MEDIA_LIMITS[kind].mimes]);
      expect(b.required).toEqual(expect.arrayContaining(['kind', 'mime', 'size']));
      for (const mime of MEDIA_LIMITS[kind].mimes) {
        const res = await t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${token}`).send({ kind, mime, size: 1000, ...(MEDIA_LIMITS[kind].maxDurationSec ? { duration: 5 } : {}) });
        expect([mime, res.status]).toEqual([mime, 201]);
      }
    }
  });

  test('when a MIME type is outside its kind enum, then the server refuses it with 400 MEDIA_TYPE_NOT_ALLOWED', async () => {
    const res = await t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${token}`).send({ kind: 'image', mime: 'video/mp4', size: 1000 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
  });
});
