/**
 * Open311 GeoReport v2 contract (issue 15): the spec's calls in the order a client makes them —
 * discovery, service list, service definition, create, token, status query — in JSON and XML,
 * on the real app and database.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, type World } from '../support/ticket-builders';
import { isWellFormed, setupOpen311, xmlItems, xmlValues, type Open311Setup } from '../support/open311';

let t: TestApp;
let w: World;
let o: Open311Setup;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  o = await setupOpen311(w);
});
afterAll(() => t.close());

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const file = (fields: Record<string, string>, format = 'json') => t.http.post(`/open311/v2/requests.${format}`).type('form').send({ api_key: o.apiKey, ...fields });
const streetlightReport = (extra: Record<string, string> = {}) => ({
  service_code: o.streetlight,
  lat: '36.545123',
  long: '104.138456',
  address_string: '白银区四龙路',
  description: '四龙路小区门口的路灯坏了一周，晚上很黑',
  ...extra,
});

describe('Open311 discovery and services', () => {
  test('when a client reads discovery.json and discovery.xml, then both name the GeoReport v2 endpoint, its URL and both formats', async () => {
    const json = await t.http.get('/open311/discovery.json').expect(200).expect('Content-Type', /application\/json/);
    expect(json.body.endpoints).toEqual([
      expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), type: 'production', formats: ['text/xml', 'application/json'] }),
    ]);
    expect(json.body.changeset).toMatch(W3C);
    const xml = await t.http.get('/open311/discovery.xml').expect(200).expect('Content-Type', /text\/xml/);
    expect(isWellFormed(xml.text)).toBe(true);
    expect(xmlValues(xml.text, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
    expect(xmlValues(xml.text, 'format')).toEqual(['text/xml', 'application/json']);
  });

  test('when a client lists services.json, then each leaf of the catalogue is a realtime service with code, name, group, keywords and metadata; 大类 and 中类 are not services', async () => {
    const res = await t.http.get('/open311/v2/services.json').expect(200);
    expect(res.body).toEqual([
      { service_code: o.streetlight, service_name: '路灯照明', description: '城乡建设/市容环境/路灯照明', metadata: true, type: 'realtime', keywords: '路灯, 照明', group: '城乡建设' },
      expect.objectContaining({ service_code: o.manhole, service_name: '井盖', group: '城乡建设' }),
    ]);
  });

  test('when a client lists services.xml, then it is a well-formed <services> document with the same services', async () => {
    const res = await t.http.get('/open311/v2/services.xml').expect(200).expect('Content-Type', /text\/xml; charset=utf-8/);
    expect(isWellFormed(res.text)).toBe(true);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/);
    expect(xmlItems(res.text, 'service')).toEqual([
      { service_code: o.streetlight, service_name: '路灯照明', description: '城乡建设/市容环境/路灯照明', metadata: 'true', type: 'realtime', keywords: '路灯, 照明', group: '城乡建设' },
      expect.objectContaining({ service_code: o.manhole }),
    ]);
  });

  test('when a client reads a service definition, then it lists the request_type, confidential and disclose_identity attributes with their values, in JSON and XML', async () => {
    const res = await t.http.get(`/open311/v2/services/${o.streetlight}.json`).expect(200);
    expect(res.body.service_code).toBe(o.streetlight);
    expect(res.body.attributes.map((a: { code: string }) => a.code)).toEqual(['request_type', 'confidential', 'disclose_identity']);
    expect(res.body.attributes[0]).toEqual(expect.objectContaining({ variable: true, datatype: 'singlevaluelist', required: false, order: 1 }));
    expect(res.body.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['consultation', 'help', 'complaint', 'report', 'suggestion']);
    const xml = await t.http.get(`/open311/v2/services/${o.streetlight}.xml`).expect(200);
    expect(isWellFormed(xml.text)).toBe(true);
    expect(xml.text).toContain(`<service_definition><service_code>${o.streetlight}</service_code><attributes><attribute><variable>true</variable><code>request_type</code>`);
    expect(xmlValues(xml.text, 'key')).toEqual(['consultation', 'help', 'complaint', 'report', 'suggestion', 'false', 'true', 'false', 'true']);
  });
});

describe('Open311 create, token and status', () => {
  test('when a client files a request (form fields), then it answers 201 with the ticket number and a token, and the token, the request and the list all find it', async () => {
    const res = await file(streetlightReport({ email: 'resident@example.com', first_name: '三', last_name: '张', phone: '13800138000', account_id: 'fms-42' })).expect(201);
    expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^\d{8}-\d{6,9}$/), token: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: expect.stringContaining('已收到'), account_id: 'fms-42' }]);
    const [{ service_request_id: id, token }] = res.body;

    expect((await t.http.get(`/open311/v2/tokens/${token}.json`).expect(200)).body).toEqual([{ service_request_id: id, token }]);
    const one = await t.http.get(`/open311/v2/requests/${id}.json`).expect(200);
    expect(one.body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        status_notes: '已提交',
        service_code: o.streetlight,
        service_name: '路灯照明',
        description: '四龙路小区门口的路灯坏了一周，晚上很黑',
        agency_responsible: null,
        requested_datetime: '2026-11-24T09:00:00+08:00',
        updated_datetime: '2026-11-24T09:00:00+08:00',
        // the final deadline runs from acceptance: none yet
        expected_datetime: null,
        address: '白银区四龙路',
        lat: 36.545,
        long: 104.138,
        media_url: null,
      }),
    ]);
    const list = await t.http.get('/open311/v2/requests.json').expect(200);
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
  });

  test('when a request is filed, then staff see a web-channel ticket in the service category with the contact, and the database keeps name, phone and e-mail only encrypted', async () => {
    const res = await file(streetlightReport({ email: 'li@example.com', first_name: 'Lei', last_name: 'Li', phone: '13900139000' })).expect(201);
    const no = res.body[0].service_request_id as string;
    const staff = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token)).expect(200);
    expect(staff.body.ticket).toEqual(expect.objectContaining({ channel: 'web', type: 'complaint', category: o.streetlight, status: 'submitted' }));
    expect(JSON.stringify(staff.body.ticket.contact)).toContain('Lei Li');
    const raw = await t.db.collection('tickets').findOne({ _id: no as never });
    const stored = JSON.stringify(raw);
    expect(stored).not.toContain('Lei Li');
    expect(stored).not.toContain('13900139000');
    expect(raw?.contact).toEqual(expect.objectContaining({ nameEnc: expect.stringMatching(/^v1\./), phoneEnc: expect.stringMatching(/^v1\./), phoneHash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    const record = await t.db.collection('open311_requests').findOne({ _id: no as never });
    expect(record).toEqual(expect.objectContaining({ clientId: o.clientId, emailEnc: expect.stringMatching(/^v1\./) }));
    expect(JSON.stringify(record)).not.toContain('li@example.com');
  });

  test('when a request is filed and read in XML, then the answers are well-formed <service_requests> documents with the spec fields', async () => {
    const res = await file(streetlightReport({ 'attribute[request_type]': 'help' }), 'xml').expect(201).expect('Content-Type', /text\/xml/);
    expect(isWellFormed(res.text)).toBe(true);
    const [filed] = xmlItems(res.text, 'request');
    expect(filed).toEqual({ service_request_id: expect.stringMatching(/^\d{8}-\d+$/), token: expect.any(String), service_notice: expect.any(String), account_id: '' });
    const token = await t.http.get(`/open311/v2/tokens/${filed.token}.xml`).expect(200);
    expect(xmlItems(token.text, 'request')).toEqual([{ service_request_id: filed.service_request_id, token: filed.token }]);
    const one = await t.http.get(`/open311/v2/requests/${filed.service_request_id}.xml`).expect(200);
    expect(isWellFormed(one.text)).toBe(true);
    const [req] = xmlItems(one.text, 'request');
    expect(Object.keys(req)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(req).toEqual(expect.objectContaining({ status: 'open', service_code: o.streetlight, lat: '36.545', long: '104.138', agency_responsible: '' }));
    const staff = await t.http.get(`/api/admin/v1/tickets/${filed.service_request_id}`).set(bearer(w.operator.token)).expect(200);
    expect(staff.body.ticket.type).toBe('help');
  });

  test('when a client sends the fields as JSON, or a media_url, then the request is filed; the link reaches staff but is never published', async () => {
    const res = await t.http.post('/open311/v2/requests.json').send({ api_key: o.apiKey, service_code: o.manhole, address_string: '人民路口', description: '井盖缺失，很危险，请尽快处理', media_url: 'https://img.example.com/p/1.jpg' }).expect(201);
    const no = res.body[0].service_request_id as string;
    const staff = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token)).expect(200);
    expect(staff.body.ticket.content).toContain('https://img.example.com/p/1.jpg');
    const pub = await t.http.get(`/open311/v2/requests/${no}.json`).expect(200);
    expect(pub.body[0].description).not.toContain('img.example.com');
    expect(pub.body[0].media_url).toBeNull();
    expect(pub.body[0].lat).toBeNull();
  });

  test('when requests.json is filtered, then service_request_id (comma list) overrides the rest and service_code, status and the date window narrow the list', async () => {
    const a = (await file(streetlightReport()).expect(201)).body[0].service_request_id as string;
    const b = (await file({ service_code: o.manhole, address_string: '人民路', description: '人民路井盖松动，车过有响声' }).expect(201)).body[0].service_request_id as string;
    const ids = (res: { body: Array<{ service_request_id: string }> }) => res.body.map((r) => r.service_request_id);

    expect(ids(await t.http.get(`/open311/v2/requests.json?service_request_id=${a},${b}&service_code=${o.manhole}&status=closed`).expect(200)).sort()).toEqual([a, b].sort());
    const manholes = ids(await t.http.get(`/open311/v2/requests.json?service_code=${o.manhole}`).expect(200));
    expect(manholes).toContain(b);
    expect(manholes).not.toContain(a);
    expect(ids(await t.http.get(`/open311/v2/requests.json?service_code=${o.streetlight},${o.manhole}&status=open`).expect(200))).toEqual(expect.arrayContaining([a, b]));
    expect(await t.http.get('/open311/v2/requests.json?status=closed').expect(200)).toHaveProperty('body', []);
    expect(ids(await t.http.get('/open311/v2/requests.json?start_date=2026-11-24T00:00:00%2B08:00&end_date=2026-11-24T23:59:59%2B08:00').expect(200))).toEqual(expect.arrayContaining([a, b]));
    expect(ids(await t.http.get('/open311/v2/requests.json?start_date=2026-11-25&end_date=2026-11-30').expect(200))).toEqual([]);
    expect(ids(await t.http.get('/open311/v2/requests.json?start_date=2026-08-01&end_date=2026-08-31').expect(200))).toEqual([]);
  });
});
