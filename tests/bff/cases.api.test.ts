import { buildTestApp } from '../support/app';
import { bearer, buildWorld, ticketIn, type World } from '../support/ticket-builders';
import { auditModel } from '../../bff/src/audit/model';

/**
 * Representative cases (004 §15): a closed ticket whose citizen wrote a name, a mobile number,
 * an ID number and a full address becomes a redacted draft, is edited by the publisher, goes
 * public without login, and disappears again when withdrawn.
 */
describe('public cases with personal data removed (004 §15)', () => {
  let w: World;
  let ticketNo: string;
  let caseId: string;

  const CONTENT = '我叫张伟，电话13912345678，身份证号620402199001011234，住在人民路123号幸福小区3号楼2单元501室，楼下的路灯坏了三天，晚上很黑';

  beforeAll(async () => {
    w = await buildWorld(await buildTestApp());
    ticketNo = (await ticketIn(w, 'closed', { content: CONTENT, contact: { name: '张伟', phone: '13912345678' } })).no;
  });
  afterAll(() => w.t.close());

  const staff = (token = w.operator.token) => ({ post: (path: string, body: object = {}) => w.t.http.post(path).set(bearer(token)).send(body), patch: (path: string, body: object) => w.t.http.patch(path).set(bearer(token)).send(body), get: (path: string) => w.t.http.get(path).set(bearer(token)) });
  const publicList = (query: Record<string, string> = {}) => w.t.http.get('/api/v1/public/cases').query(query);

  it('004 §15 when staff draft a case from a closed ticket, then phones, ID numbers, names and house numbers are removed and the street is kept', async () => {
    const res = await staff().post('/api/admin/v1/cases', { ticketNo, title: '张伟反映人民路路灯不亮' }).expect(201);
    const c = res.body.case;
    caseId = c.id;
    expect(c).toMatchObject({ ticketNo, status: 'draft', type: 'complaint', typeLabel: '投诉', unitName: '甲街道', result: '已更换路灯灯泡，恢复照明', attachmentsPublished: false, version: 0 });
    for (const gone of ['13912345678', '620402199001011234', '张伟', '123号', '3号楼', '2单元', '501室']) expect(c.content).not.toContain(gone);
    for (const kept of ['人民路', '幸福小区', '张某', '[电话已隐去]', '[身份证号已隐去]', '路灯坏了三天']) expect(c.content).toContain(kept);
    expect(c.title).toBe('张某反映人民路路灯不亮');
    expect(c.redacted).toMatchObject({ phone: 1, 'id-card': 1, name: 2 });
    expect(c.redacted.address).toBeGreaterThanOrEqual(4);
    expect(c.remaining).toEqual({});
    expect(c.notice).toContain('人脸');
    expect(c.closedAt).not.toBeNull();
  });

  it('004 §15 when the case is a draft, then the public sees nothing of it', async () => {
    expect((await publicList().expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect((await w.t.http.get(`/api/v1/public/cases/${caseId}`).expect(404)).body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('004 §15 when the publisher edits the text and leaves a phone number in, then publishing is refused until it is gone', async () => {
    const stale = await staff().patch(`/api/admin/v1/cases/${caseId}`, { content: 'x'.repeat(10), version: 7 }).expect(412);
    expect(stale.body.error.code).toBe('VERSION_MISMATCH');
    const edited = await staff().patch(`/api/admin/v1/cases/${caseId}`, { content: '市民反映人民路幸福小区楼下路灯坏了三天，联系电话13800001111', version: 0 }).expect(200);
    expect(edited.body.case).toMatchObject({ version: 1, remaining: { phone: 1 } });
    const refused = await staff().post(`/api/admin/v1/cases/${caseId}/publish`).expect(422);
    expect(refused.body.error.code).toBe('CASE_PERSONAL_DATA');
    const fixed = await staff().patch(`/api/admin/v1/cases/${caseId}`, { content: '市民反映人民路幸福小区楼下路灯坏了三天，夜间出行不便。', summary: '路灯三日内修复', version: 1 }).expect(200);
    expect(fixed.body.case).toMatchObject({ version: 2, remaining: {}, summary: '路灯三日内修复' });
  });

  it('004 §15 when the case is published (If-Match: the version the publisher read, else 412), then anyone lists and reads it by the fields the mini-program uses, without the ticket number', async () => {
    const stale = await w.t.http.post(`/api/admin/v1/cases/${caseId}/publish`).set(bearer(w.supervisor.token)).set('If-Match', '"1"').expect(412);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_MISMATCH', details: { version: 2 } });
    const published = await w.t.http.post(`/api/admin/v1/cases/${caseId}/publish`).set(bearer(w.supervisor.token)).set('If-Match', '"2"').expect(200);
    expect(published.body.case).toMatchObject({ status: 'published', publishedAt: '2026-11-24T01:00:00.000Z' });
    const list = await publicList().expect(200);
    expect(list.body.items).toHaveLength(1);
    const item = list.body.items[0];
    expect(Object.keys(item).sort()).toEqual(['closedAt', 'content', 'id', 'publishedAt', 'result', 'summary', 'title', 'type', 'typeLabel', 'unit', 'unitName'].sort());
    expect(item).toMatchObject({ id: caseId, title: '张某反映人民路路灯不亮', content: '市民反映人民路幸福小区楼下路灯坏了三天，夜间出行不便。', result: '已更换路灯灯泡，恢复照明', unitName: '甲街道' });
    expect(JSON.stringify(item)).not.toContain(ticketNo);
    expect((await publicList({ q: '路灯' }).expect(200)).body.items).toHaveLength(1);
    expect((await publicList({ q: '供暖' }).expect(200)).body.items).toHaveLength(0);
    expect((await w.t.http.get(`/api/v1/public/cases/${caseId}`).expect(200)).body.case).toMatchObject({ id: caseId, closedAt: item.closedAt });
    expect((await staff().patch(`/api/admin/v1/cases/${caseId}`, { title: '改标题', version: 3 }).expect(409)).body.error.code).toBe('CASE_PUBLISHED');
    expect((await staff().post(`/api/admin/v1/cases/${caseId}/publish`).expect(409)).body.error.code).toBe('CASE_INVALID_TRANSITION');
  });

  it('004 §15 when the case is unpublished, then it leaves the public list and its page, and staff still see it', async () => {
    await staff().post(`/api/admin/v1/cases/${caseId}/unpublish`).expect(200);
    expect((await publicList().expect(200)).body.items).toEqual([]);
    await w.t.http.get(`/api/v1/public/cases/${caseId}`).expect(404);
    const mine = await staff().get('/api/admin/v1/cases?status=unpublished').expect(200);
    expect(mine.body.items.map((c: { id: string; statusLabel: string }) => [c.id, c.statusLabel])).toEqual([[caseId, '已撤回公开']]);
    expect((await staff().get('/api/admin/v1/cases?status=published').expect(200)).body.items).toEqual([]);
    expect((await staff().post(`/api/admin/v1/cases/${caseId}/unpublish`).expect(409)).body.error.code).toBe('CASE_INVALID_TRANSITION');
  });

  it('when a ticket is still open, confidential, unknown or already a case, then the draft is refused with a code', async () => {
    const open = await ticketIn(w, 'handling');
    expect((await staff().post('/api/admin/v1/cases', { ticketNo: open.no, title: '未办结' }).expect(422)).body.error.code).toBe('CASE_TICKET_NOT_CLOSED');
    const secret = await ticketIn(w, 'closed', { confidential: true });
    expect((await staff().post('/api/admin/v1/cases', { ticketNo: secret.no, title: '保密' }).expect(422)).body.error.code).toBe('CASE_TICKET_CONFIDENTIAL');
    expect((await staff().post('/api/admin/v1/cases', { ticketNo: '20261124-999999', title: '不存在' }).expect(404)).body.error.code).toBe('TICKET_NOT_FOUND');
    const again = await staff().post('/api/admin/v1/cases', { ticketNo, title: '重复' }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'CASE_EXISTS', details: { id: caseId } });
  });

  it('when the role is not operator, supervisor or admin, or nobody is signed in, then the admin case API refuses', async () => {
    expect((await staff(w.handlerX.token).post('/api/admin/v1/cases', { ticketNo, title: '单位' }).expect(403)).body.error.code).toBe('ROLE_NOT_ALLOWED');
    await staff(w.visitor.token).get('/api/admin/v1/cases').expect(403);
    await staff(w.dispatcher.token).post(`/api/admin/v1/cases/${caseId}/publish`).expect(403);
    await w.t.http.get('/api/admin/v1/cases').expect(401);
    await w.t.http.get('/api/admin/v1/cases').set(bearer(w.citizenA.token)).expect(401);
  });

  it('when the input is bad, then the answer is a 400 or 404 with a code, never a 500', async () => {
    const code = async (p: Promise<{ status: number; body: { error?: { code: string } } }>, status: number) => {
      const r = await p;
      expect(r.status).toBe(status);
      return r.body.error?.code;
    };
    expect(await code(staff().post('/api/admin/v1/cases', { ticketNo: '123', title: 'x' }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(staff().post('/api/admin/v1/cases', { ticketNo, title: '标题', attachments: ['a'] }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(staff().patch(`/api/admin/v1/cases/${caseId}`, { version: 0 }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(staff().patch(`/api/admin/v1/cases/${caseId}`, { title: { $gt: '' }, version: 0 }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(staff().get('/api/admin/v1/cases/0123456789abcdef01234567'), 404)).toBe('CASE_NOT_FOUND');
    expect(await code(staff().post('/api/admin/v1/cases/..%2Fx/publish'), 400)).toBe('VALIDATION_FAILED');
    expect(await code(publicList({ cursor: 'bm9wZQ' }), 400)).toBe('INVALID_CURSOR');
    expect(await code(publicList({ limit: '1000' }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(publicList({ status: 'draft' }), 400)).toBe('VALIDATION_FAILED');
  });

  it('004 §15 when the publisher\'s text carries the phone in Chinese numerals or full-width digits, or the citizen\'s name without a cue word, then publishing is refused; a clean case publishes and is audited', async () => {
    const no = (await ticketIn(w, 'closed', { content: '楼下饭店油烟直排，熏得开不了窗', contact: { name: '王秀兰', phone: '13912345678' } })).no;
    const draft = (await staff().post('/api/admin/v1/cases', { ticketNo: no, title: '饭店油烟直排' }).expect(201)).body.case;
    let version = draft.version as number;
    for (const content of ['油烟直排，市民电话一三九一二三四五六七八', '油烟直排，市民电话１３９１２３４５６７８', '王秀兰反映楼下饭店油烟直排']) {
      const edited = await staff().patch(`/api/admin/v1/cases/${draft.id}`, { content, version }).expect(200);
      version = edited.body.case.version;
      const refused = await staff().post(`/api/admin/v1/cases/${draft.id}/publish`).expect(422);
      expect([content, refused.body.error.code]).toEqual([content, 'CASE_PERSONAL_DATA']);
    }
    await staff().patch(`/api/admin/v1/cases/${draft.id}`, { content: '市民反映楼下饭店油烟直排', version }).expect(200);
    await staff().post(`/api/admin/v1/cases/${draft.id}/publish`).expect(200);
    const audits = await auditModel(w.t.db).find({ action: 'case.publish', 'target.id': draft.id }).lean();
    expect(audits).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: w.operator.id }), details: { ticketNo: no } })]);
  });
});
