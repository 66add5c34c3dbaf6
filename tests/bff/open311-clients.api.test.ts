/**
 * Open311 clients (issue 15): administrators register, list and revoke the apps that may file
 * requests; the api_key is answered once and only its hash is stored; each step is audited and
 * documented in /api/openapi.json.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const clients = '/api/admin/v1/open311/clients';

describe('Open311 clients (admin)', () => {
  test('when an administrator registers a client, then the key is answered once, only its SHA-256 is stored, the list shows a hint of it, and the step is audited', async () => {
    const res = await t.http.post(clients).set(bearer(w.admin.token)).send({ name: 'FixMyStreet 白银', requestsPerHour: 50 }).expect(201);
    const { client, apiKey } = res.body;
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(client).toEqual(expect.objectContaining({ name: 'FixMyStreet 白银', requestsPerHour: 50, active: true, keyHint: apiKey.slice(0, 11), revokedAt: null, revokedBy: null }));
    const stored = await t.db.collection('open311_clients').findOne({ _id: client.id });
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect(stored?.keyHash).toMatch(/^[0-9a-f]{64}$/);

    const list = await t.http.get(clients).set(bearer(w.admin.token)).expect(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: client.id, keyHint: client.keyHint })]));
    expect(JSON.stringify(list.body)).not.toContain(apiKey);
    const audit = await t.db.collection('audit').find({ 'target.id': client.id }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['open311.client.create']);
  });

  test('when an administrator revokes a client twice, then the first revokes (audited) and the second answers it unchanged; an unknown id is 404', async () => {
    const { body } = await t.http.post(clients).set(bearer(w.admin.token)).send({ name: '一次性客户端' }).expect(201);
    expect(body.client.requestsPerHour).toBe(100);
    const first = await t.http.delete(`${clients}/${body.client.id}`).set(bearer(w.admin.token)).expect(200);
    t.clock.advance(60_000);
    const second = await t.http.delete(`${clients}/${body.client.id}`).set(bearer(w.admin.token)).expect(200);
    expect(second.body.client).toEqual(first.body.client);
    expect(first.body.client).toEqual(expect.objectContaining({ active: false, revokedAt: expect.any(String), revokedBy: expect.objectContaining({ id: w.admin.id }) }));
    const audit = await t.db.collection('audit').find({ 'target.id': body.client.id }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['open311.client.create', 'open311.client.revoke']);
    expect((await t.http.delete(`${clients}/000000000000000000000000`).set(bearer(w.admin.token)).expect(404)).body.error.code).toBe('OPEN311_CLIENT_NOT_FOUND');
  });

  test('when anyone but an administrator, or bad input, reaches the client routes, then 401/403/400 in the admin error shape', async () => {
    await t.http.get(clients).expect(401);
    expect((await t.http.post(clients).set(bearer(w.operator.token)).send({ name: 'x' }).expect(403)).body.error.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.delete(`${clients}/abc`).set(bearer(w.dispatcher.token)).expect(403);
    for (const body of [{}, { name: '' }, { name: 'x', requestsPerHour: 0 }, { name: 'x', requestsPerHour: 1.5 }, { name: 'x', requestsPerHour: 100_001 }, { name: 'x', extra: true }, { name: { $ne: null } }]) {
      expect((await t.http.post(clients).set(bearer(w.admin.token)).send(body).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    }
    await t.http.delete(`${clients}/bad%20id`).set(bearer(w.admin.token)).expect(400);
  });

  test('when the OpenAPI document is read, then the three client routes are there with their request and response schemas', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
    const path = doc.paths['/api/admin/v1/open311/clients'];
    expect(path.post.requestBody.content['application/json'].schema.properties).toEqual(expect.objectContaining({ name: expect.any(Object), requestsPerHour: expect.any(Object) }));
    expect(path.post.responses['201'].content['application/json'].schema.required).toEqual(['client', 'apiKey']);
    expect(path.get.responses['200'].content['application/json'].schema.properties.items).toBeDefined();
    expect(doc.paths['/api/admin/v1/open311/clients/{id}'].delete.responses['200'].content['application/json'].schema.properties.client).toBeDefined();
    expect(path.post['x-roles']).toEqual(['admin']);
  });
});
