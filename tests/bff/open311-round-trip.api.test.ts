/**
 * Open311 round trip (issue 15): a request filed through Open311 is accepted, dispatched,
 * signed, replied, reviewed and visited by staff through the admin API, and its Open311 status,
 * status_notes, agency_responsible, expected_datetime and updated_datetime follow each step.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, must, type World } from '../support/ticket-builders';
import { setupOpen311, xmlItems, type Open311Setup } from '../support/open311';

let t: TestApp;
let w: World;
let o: Open311Setup;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  o = await setupOpen311(w);
});
afterAll(() => t.close());

const HOUR = 3_600_000;

async function status(no: string) {
  const res = await t.http.get(`/open311/v2/requests/${no}.json`).expect(200);
  return res.body[0] as { status: string; status_notes: string; agency_responsible: string | null; updated_datetime: string; expected_datetime: string | null; service_code: string };
}

describe('Open311 round trip', () => {
  test('when staff accept, dispatch, sign, reply, review and visit a request filed through Open311, then its status, notes, agency, deadline and update time follow, in JSON and XML', async () => {
    const filed = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: o.apiKey, service_code: o.streetlight, lat: '36.5451', long: '104.1384', address_string: '白银区四龙路', description: '四龙路小区门口的路灯坏了一周，晚上很黑', phone: '13700137000', first_name: '四', last_name: '李' })
      .expect(201);
    const no = filed.body[0].service_request_id as string;
    const seen: string[] = [];
    const step = async (action: Parameters<typeof must>[3], token: string, body: unknown) => {
      t.clock.advance(HOUR);
      await must(w, token, no, action, body);
      const s = await status(no);
      seen.push(s.updated_datetime);
      return s;
    };

    expect(await status(no)).toEqual(expect.objectContaining({ status: 'open', status_notes: '已提交', agency_responsible: null, expected_datetime: null }));

    expect(await step('accept', w.operator.token, { note: '属实，受理' })).toEqual(expect.objectContaining({ status: 'open', status_notes: '已受理' }));
    // The category the client chose is the dispatch suggestion: unit X (甲街道) leads.
    const suggestion = await t.http.get(`/api/admin/v1/tickets/${no}/dispatch-suggestion`).set(bearer(w.dispatcher.token)).expect(200);
    expect(suggestion.body.suggestion).toEqual(expect.objectContaining({ leadUnit: w.units.x, category: o.streetlight }));
    const dispatched = await step('dispatch', w.dispatcher.token, { leadUnit: w.units.x });
    expect(dispatched).toEqual(expect.objectContaining({ status: 'open', status_notes: '已转交承办单位', agency_responsible: '甲街道', expected_datetime: expect.stringMatching(/\+08:00$/) }));
    const staff = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token)).expect(200);
    // to the second (W3C date-times without fractions)
    expect(Date.parse(dispatched.expected_datetime as string)).toBe(Math.floor(Date.parse(staff.body.ticket.dueAt) / 1000) * 1000);

    expect(await step('sign', w.handlerX.token, {})).toEqual(expect.objectContaining({ status: 'open', status_notes: '办理中' }));
    const replied = await step('reply', w.handlerX.token, { result: '已更换路灯灯泡，恢复照明。联系电话13700137000' });
    expect(replied).toEqual(expect.objectContaining({ status: 'open', status_notes: '承办单位已答复：已更换路灯灯泡，恢复照明。联系电话[电话已隐去]' }));
    expect(await step('review', w.operator.token, { approve: true })).toEqual(expect.objectContaining({ status: 'open', status_notes: expect.stringContaining('已更换路灯灯泡') }));
    const closed = await step('visit', w.visitor.token, { answered: true, satisfaction: 'satisfied' });
    expect(closed).toEqual(expect.objectContaining({ status: 'closed', status_notes: '已办结：已更换路灯灯泡，恢复照明。联系电话[电话已隐去]', agency_responsible: '甲街道', service_code: o.streetlight }));

    // Every step moved updated_datetime forward by the hour the clock moved.
    expect(seen).toEqual(['10:00', '11:00', '12:00', '13:00', '14:00', '15:00'].map((h) => `2026-11-24T${h}:00+08:00`));
    const xml = await t.http.get(`/open311/v2/requests.xml?service_request_id=${no}`).expect(200);
    expect(xmlItems(xml.text, 'request')[0]).toEqual(expect.objectContaining({ status: 'closed', agency_responsible: '甲街道', updated_datetime: '2026-11-24T15:00:00+08:00' }));
    const closedList = await t.http.get('/open311/v2/requests.json?status=closed').expect(200);
    expect(closedList.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([no]);
  });

  test('when staff reject a request filed through Open311, then it is closed with the reason as status_notes', async () => {
    const filed = await t.http.post('/open311/v2/requests.json').type('form').send({ api_key: o.apiKey, service_code: o.manhole, address_string: '人民路', description: '人民路井盖松动，车过有响声' }).expect(201);
    const no = filed.body[0].service_request_id as string;
    await must(w, w.operator.token, no, 'reject', { reasonCode: 'legal-procedure', note: '不属于受理范围' });
    const s = await status(no);
    expect(s.status).toBe('closed');
    expect(s.status_notes).toMatch(/^不予受理：/);
  });

  test.each([
    ['no consent', {}, null],
    ['a 举报 even with consent', { 'attribute[request_type]': 'report', 'attribute[disclose_identity]': 'true' }, null],
    ['the reporter’s consent', { 'attribute[disclose_identity]': 'true' }, '13700137001'],
  ])('004 §14 when a request filed through Open311 carries %s, then the handling unit sees the reporter’s phone only with that consent', async (_what, attrs, phone) => {
    const filed = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: o.apiKey, service_code: o.streetlight, address_string: '白银区四龙路', description: '四龙路小区门口的路灯坏了一周，晚上很黑', phone: '13700137001', first_name: '四', last_name: '李', ...attrs })
      .expect(201);
    const no = filed.body[0].service_request_id as string;
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });
    const seen = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.handlerX.token)).expect(200);
    expect(seen.body.ticket.contact?.phone ?? null).toBe(phone);
  });
});
