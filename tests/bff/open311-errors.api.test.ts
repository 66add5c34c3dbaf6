/**
 * Open311 bad input, keys, rate limits and privacy (issue 15): every refusal is the spec's
 * `[{code, description}]` (XML `<errors>`) with the right status, never a 500; nothing a
 * published case would redact is shown, and confidential requests stay with their client.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildTicket, buildWorld, type World } from '../support/ticket-builders';
import { isWellFormed, registerClient, setupOpen311, xmlItems, type Open311Setup } from '../support/open311';

let t: TestApp;
let w: World;
let o: Open311Setup;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  o = await setupOpen311(w);
});
afterAll(() => t.close());

const valid = () => ({ api_key: o.apiKey, service_code: o.streetlight, address_string: '白银区四龙路', description: '四龙路的路灯坏了一周，晚上很黑' });
const post = (fields: Record<string, string>, format = 'json') => t.http.post(`/open311/v2/requests.${format}`).type('form').send(fields);
const descriptions = (body: Array<{ code: number; description: string }>) => body.map((e) => e.description).join(' | ');

describe('Open311 errors', () => {
  test.each([
    ['no api_key', { api_key: '' }, 403, /api_key is required/],
    ['an unknown api_key', { api_key: 'o311_not-a-key' }, 403, /api_key is not valid/],
    ['no service_code', { service_code: '' }, 400, /service_code/],
    ['a service_code that is no service', { service_code: '999999' }, 400, /service_code 999999 is not a service/],
    ['a 中类 code (not a leaf)', { service_code: '0101' }, 400, /service_code 0101 is not a service/],
    ['no location', { address_string: '' }, 400, /a location is required/],
    ['lat without long', { lat: '36.5' }, 400, /lat and long go together/],
    ['lat out of range', { lat: '91', long: '104' }, 400, /lat: must be from -90 to 90/],
    ['lat that is no number', { lat: 'abc', long: '104' }, 400, /lat: must be a decimal latitude/],
    ['a too short description', { description: '灯坏' }, 400, /description/],
    ['a control character in the description', { description: '路灯坏了一周\u0000很黑' }, 400, /description/],
    ['a bad e-mail', { email: 'not-an-email' }, 400, /email: must be an e-mail address/],
    ['a bad phone', { phone: '12345' }, 400, /phone/],
    ['a media_url that is no http URL', { media_url: 'javascript:alert(1)' }, 400, /media_url/],
    ['an unknown request_type', { 'attribute[request_type]': 'praise' }, 400, /attribute\[request_type\]: must be one of/],
  ])('when a client files with %s, then the spec error with its status', async (_what, change, status, message) => {
    const res = await post({ ...valid(), ...change }).expect(status);
    expect(res.body).toEqual(expect.arrayContaining([{ code: status, description: expect.any(String) }]));
    expect(descriptions(res.body)).toMatch(message);
  });

  test('when a request has several faults, then each is its own error item', async () => {
    const res = await post({ api_key: o.apiKey, service_code: o.streetlight, lat: '99', long: '200', description: 'x' }).expect(400);
    expect(res.body.length).toBeGreaterThanOrEqual(3);
    expect(res.body.every((e: { code: number }) => e.code === 400)).toBe(true);
  });

  test('when a .xml call fails, then the error is a well-formed <errors><error><code/><description/> document with the same status', async () => {
    const res = await post({ ...valid(), api_key: 'wrong' }, 'xml').expect(403).expect('Content-Type', /text\/xml/);
    expect(isWellFormed(res.text)).toBe(true);
    expect(xmlItems(res.text, 'error')).toEqual([{ code: '403', description: 'api_key is not valid (unknown or revoked)' }]);
    const missing = await t.http.get('/open311/v2/services/999999.xml').expect(404);
    expect(xmlItems(missing.text, 'error')).toEqual([{ code: '404', description: 'service_code 999999 not found' }]);
  });

  test('when an administrator revokes a key, then the key is refused at once (403) for filing and for reading', async () => {
    const other = await registerClient(w, '将被停用的客户端');
    await post({ ...valid(), api_key: other.apiKey }).expect(201);
    const revoked = await t.http.delete(`/api/admin/v1/open311/clients/${other.id}`).set(bearer(w.admin.token)).expect(200);
    expect(revoked.body.client).toEqual(expect.objectContaining({ active: false, revokedAt: expect.any(String) }));
    expect(descriptions((await post({ ...valid(), api_key: other.apiKey }).expect(403)).body)).toMatch(/unknown or revoked/);
    await t.http.get(`/open311/v2/requests.json?api_key=${encodeURIComponent(other.apiKey)}`).expect(403);
  });

  test('when a read names no resource, an unknown request, token or service, or bad filters, then 404 or 400 in the spec format', async () => {
    expect((await t.http.get('/open311/v2/nothing.json').expect(404)).body).toEqual([{ code: 404, description: expect.stringContaining('discovery.json') }]);
    expect(isWellFormed((await t.http.get('/open311/v2/services.csv').expect(404)).text)).toBe(false);
    await t.http.get('/open311/v2/requests/20261124-999999.json').expect(404);
    await t.http.get('/open311/v2/requests/not-a-number.json').expect(404);
    await t.http.get('/open311/v2/tokens/0123456789abcdef0123456789abcdef.json').expect(404);
    await t.http.get('/open311/v2/tokens/zzz.xml').expect(404).expect('Content-Type', /text\/xml/);
    await t.http.get('/open311/v2/services/%24ne.json').expect(404);
    expect(descriptions((await t.http.get('/open311/v2/requests.json?status=pending').expect(400)).body)).toMatch(/status/);
    expect(descriptions((await t.http.get('/open311/v2/requests.json?start_date=yesterday').expect(400)).body)).toMatch(/start_date: must be a W3C date-time/);
    expect(descriptions((await t.http.get('/open311/v2/requests.json?start_date=2026-11-24&end_date=2026-11-01').expect(400)).body)).toMatch(/end_date must be after start_date/);
    expect(descriptions((await t.http.get('/open311/v2/requests.json?service_request_id=1,2').expect(400)).body)).toMatch(/service_request_id/);
    expect(descriptions((await t.http.get('/open311/v2/requests.json?status=open&status=closed').expect(400)).body)).toMatch(/status: give it once/);
  });

  test('when a path is called with a method it does not support, then 405 with Allow in the spec format', async () => {
    const res = await t.http.delete('/open311/v2/services.json').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.body).toEqual([{ code: 405, description: expect.stringContaining('DELETE is not allowed') }]);
    const put = await t.http.put('/open311/v2/requests.xml').expect(405).expect('Content-Type', /text\/xml/);
    expect(put.headers.allow).toBe('POST, GET, HEAD, OPTIONS');
    expect(xmlItems(put.text, 'error')).toEqual([{ code: '405', description: expect.stringContaining('PUT is not allowed') }]);
    expect((await t.http.post('/open311/v2/services.json').expect(405)).body[0].code).toBe(405);
    expect((await t.http.options('/open311/v2/requests.json').expect(204)).headers.allow).toBe('POST, GET, HEAD, OPTIONS');
    await t.http.head('/open311/v2/services.json').expect(200);
  });

  test('when a request is posted as multipart or as text, then 415; as broken form fields, then 400, never a 500', async () => {
    await t.http.post('/open311/v2/requests.json').field('api_key', o.apiKey).field('service_code', o.streetlight).expect(415);
    await t.http.post('/open311/v2/requests.json').set('Content-Type', 'text/plain').send('api_key=x').expect(415);
    const garbage = await t.http.post('/open311/v2/requests.json').type('form').send('%%%&&&==');
    expect(garbage.status).toBe(403);
    const nested = await t.http.post('/open311/v2/requests.json').send({ api_key: o.apiKey, service_code: { $ne: null } });
    expect(nested.status).toBe(400);
  });
});

describe('Open311 rate limit per api_key', () => {
  test('when a client files more requests in an hour than its key allows, then 429 with Retry-After; the next hour it may file again, and other keys are not affected', async () => {
    const small = await registerClient(w, '限流客户端', 2);
    await post({ ...valid(), api_key: small.apiKey }).expect(201);
    await post({ ...valid(), api_key: small.apiKey }).expect(201);
    const limited = await post({ ...valid(), api_key: small.apiKey }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toEqual([{ code: 429, description: expect.stringContaining('rate limit') }]);
    await post(valid()).expect(201);
    t.clock.advance(3_600_000);
    await post({ ...valid(), api_key: small.apiKey }).expect(201);
  });
});

describe('Open311 privacy', () => {
  test('when a citizen\'s request names people and numbers, then the Open311 view shows it redacted as a published case would be', async () => {
    const built = await buildTicket(w, { content: '我叫王小明，电话13912345678，身份证号620402199001011234，住3号楼2单元501室，楼下路灯坏了', contact: { name: '王小明', phone: '13912345678' } });
    const [req] = (await t.http.get(`/open311/v2/requests/${built.no}.json`).expect(200)).body;
    expect(req.description).not.toMatch(/王小明|13912345678|620402199001011234|501/);
    expect(req.description).toContain('路灯坏了');
    const xml = await t.http.get(`/open311/v2/requests.xml?service_request_id=${built.no}`).expect(200);
    expect(xml.text).not.toMatch(/王小明|13912345678/);
  });

  test('when a ticket is confidential, then it is neither listed nor readable without the key of the client that filed it, and even that client sees no text or place', async () => {
    const citizenSecret = await buildTicket(w, { confidential: true, content: '举报某餐馆后厨卫生很差，请保密处理' });
    expect((await t.http.get('/open311/v2/requests.json').expect(200)).body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(citizenSecret.no);
    await t.http.get(`/open311/v2/requests/${citizenSecret.no}.json`).expect(404);

    const filed = await post({ ...valid(), 'attribute[confidential]': 'true', first_name: '五', last_name: '赵', description: '赵五反映邻居私搭乱建，请保密' }).expect(201);
    const no = filed.body[0].service_request_id as string;
    await t.http.get(`/open311/v2/requests/${no}.json`).expect(404);
    const other = await registerClient(w, '别的客户端');
    await t.http.get(`/open311/v2/requests/${no}.json?api_key=${encodeURIComponent(other.apiKey)}`).expect(404);
    const mine = await t.http.get(`/open311/v2/requests/${no}.json?api_key=${encodeURIComponent(o.apiKey)}`).expect(200);
    expect(mine.body[0]).toEqual(expect.objectContaining({ service_request_id: no, status: 'open', description: '（诉求人要求保密，内容不公开）', address: null, lat: null, long: null }));
    const list = await t.http.get(`/open311/v2/requests.json?api_key=${encodeURIComponent(o.apiKey)}`).expect(200);
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(no);
    expect(JSON.stringify(list.body)).not.toContain('赵五');
  });
});
