/**
 * Who sees which ticket and how much of it: the access matrix (citizen A vs B, handler of unit X
 * vs Y, tokens crossing APIs, forged and expired tokens), confidential contacts (000 §14,
 * 004 §14) and what the citizen view leaves out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app';
import { bearer, buildTicket, buildWorld, must, PNG, staffGet, ticketIn, uploadImage, type World } from '../support/ticket-builders';
import { buildCitizen } from '../support/builders/staff';
import { auditModel } from '../../bff/src/audit/model';
import type { LocalStorage } from '../../bff/src/storage/local-storage';
import { uploadModel } from '../../bff/src/uploads/model';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the access matrix', () => {
  test('when citizen B asks for citizen A\'s ticket or acts on it, then 404 as if it did not exist', async () => {
    const { no, owner } = await buildTicket(w);
    await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200);
    expect((await t.http.get(`/api/v1/tickets/${no}`).set(bearer(w.citizenB.token)).expect(404)).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await t.http.post(`/api/v1/tickets/${no}/withdraw`).set(bearer(w.citizenB.token)).send({}).expect(404)).body.error.code).toBe('TICKET_NOT_FOUND');
    const list = await t.http.get('/api/v1/tickets').set(bearer(w.citizenB.token)).expect(200);
    expect(list.body.items.map((i: { no: string }) => i.no)).not.toContain(no);
  });

  test('when a ticket is dispatched to unit X with co-unit C, then handlers of X and C see it and the handler of Y gets 404', async () => {
    const { no } = await ticketIn(w, 'dispatched');
    await staffGet(w, w.handlerX.token, no).then((r) => expect(r.status).toBe(200));
    await staffGet(w, w.handlerCo.token, no).then((r) => expect(r.status).toBe(200));
    const other = await staffGet(w, w.handlerY.token, no);
    expect([other.status, other.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    const act = await t.http.post(`/api/admin/v1/tickets/${no}/sign`).set(bearer(w.handlerY.token)).send({});
    expect([act.status, act.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
  });

  test('when a ticket is not dispatched yet, then no handler sees it, and the handler lists only its unit\'s tickets', async () => {
    const { no } = await buildTicket(w);
    expect((await staffGet(w, w.handlerX.token, no)).status).toBe(404);
    const dispatched = await ticketIn(w, 'dispatched');
    const list = await t.http.get('/api/admin/v1/tickets?limit=100').set(bearer(w.handlerY.token)).expect(200);
    expect(list.body.items.map((i: { no: string }) => i.no)).not.toContain(dispatched.no);
    const mine = await t.http.get('/api/admin/v1/tickets?limit=100').set(bearer(w.handlerX.token)).expect(200);
    expect(mine.body.items.map((i: { no: string }) => i.no)).toContain(dispatched.no);
    expect(mine.body.items.every((i: { leadUnit: string; coUnits: string[] }) => i.leadUnit === w.units.x || i.coUnits.includes(w.units.x))).toBe(true);
  });

  test('when a citizen token is used on the admin API, then 401; a staff token on the citizen API, then 401', async () => {
    const { no, owner } = await buildTicket(w);
    expect((await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(owner.token))).status).toBe(401);
    expect((await t.http.get('/api/admin/v1/tickets').set(bearer(owner.token))).status).toBe(401);
    expect((await t.http.post(`/api/admin/v1/tickets/${no}/accept`).set(bearer(owner.token)).send({})).status).toBe(401);
    expect((await t.http.get(`/api/v1/tickets/${no}`).set(bearer(w.operator.token))).status).toBe(401);
    expect((await t.http.post('/api/v1/tickets').set(bearer(w.operator.token)).send({})).status).toBe(401);
  });

  test('when a token is forged, expired, of another algorithm or missing, then 401 with a code', async () => {
    const { no, owner } = await buildTicket(w);
    const forged = jwt.sign({ kind: 'citizen' }, 'another-secret-another-secret-another-1', { subject: owner.id, issuer: 'mashang', audience: 'mashang-citizen', expiresIn: '1h' });
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = jwt.sign({ kind: 'citizen', iat: past - 60, exp: past }, TEST_JWT_SECRET, { subject: owner.id, issuer: 'mashang', audience: 'mashang-citizen' });
    const none = jwt.sign({ kind: 'citizen' }, '', { algorithm: 'none', subject: owner.id, issuer: 'mashang', audience: 'mashang-citizen' });
    for (const token of [forged, expired, none]) {
      const res = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
    }
    expect((await t.http.get(`/api/v1/tickets/${no}`)).status).toBe(401);
    const staffForged = jwt.sign({ kind: 'staff', roles: ['admin'] }, 'another-secret-another-secret-another-1', { subject: w.admin.id, issuer: 'mashang', audience: 'mashang-staff', expiresIn: '1h' });
    expect((await t.http.get('/api/admin/v1/tickets').set(bearer(staffForged))).status).toBe(401);
  });
});

describe('confidential tickets (000 §14, 004 §14)', () => {
  const contact = { name: '欧阳娜娜', phone: '13812345678' };

  test('when unit staff read a confidential ticket, then they get no contact (not even masked) and nothing is audited', async () => {
    const { no } = await ticketIn(w, 'dispatched', { confidential: true, contact });
    const before = await auditModel(t.db).countDocuments({ 'target.id': no });
    const res = await staffGet(w, w.handlerX.token, no);
    expect(res.body.ticket).toMatchObject({ confidential: true, contactMasked: true, contact: null });
    expect(res.body.ticket.citizenId).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('欧阳娜娜');
    expect(await auditModel(t.db).countDocuments({ 'target.id': no })).toBe(before);
  });

  test('when an operator or supervisor reads it, then the contact is in clear and each read is audited (action answers too)', async () => {
    const { no } = await ticketIn(w, 'dispatched', { confidential: true, contact });
    const reads = () => auditModel(t.db).find({ 'target.id': no, action: 'ticket.contact.read' }).lean();
    // The operator's accept and the dispatcher's dispatch answered with the full ticket: audited.
    expect((await reads()).map((a) => a.actor.id).sort()).toEqual([w.operator.id, w.dispatcher.id].sort());
    for (const staff of [w.operator, w.supervisor]) {
      const res = await staffGet(w, staff.token, no);
      expect(res.body.ticket).toMatchObject({ contactMasked: false, contact });
    }
    const audits = await reads();
    expect(audits.map((a) => a.actor.id).sort()).toEqual([w.operator.id, w.operator.id, w.dispatcher.id, w.supervisor.id].sort());
    expect(JSON.stringify(audits)).not.toContain('欧阳娜娜');
  });

  test('004 §14 when the handling unit reads a confidential ticket and an ordinary one of the same citizen, then nothing links them (no account id, contact, typed phone or name, merge or follower data, attachment keys or media URLs; q on them finds nothing)', async () => {
    const owner = await buildCitizen(t);
    const who = { name: '李建国', phone: '13912345678' };
    const toUnitX = async (no: string) => {
      await must(w, w.operator.token, no, 'accept');
      await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });
    };
    const ordinary = await buildTicket(w, { contact: who, content: '小区东门的路灯坏了一周，晚上很黑', attachments: [await uploadImage(w, owner)] }, owner);
    await toUnitX(ordinary.no);
    const photos = [await uploadImage(w, owner), await uploadImage(w, owner)];
    const secret = await buildTicket(w, { confidential: true, contact: who, content: '我是李建国，电话13912345678，楼下饭店油烟直排熏得开不了窗，李建国实名举报', attachments: photos }, owner);
    const other = await buildTicket(w, { content: '楼下饭店油烟直排，熏得开不了窗' }, w.citizenB);
    await must(w, w.operator.token, other.no, 'merge', { into: secret.no });
    await toUnitX(secret.no);
    await must(w, w.handlerX.token, secret.no, 'sign');

    const plain = (await staffGet(w, w.handlerX.token, ordinary.no)).body.ticket;
    expect(plain).toMatchObject({ citizenId: owner.id, contact: who });
    const masked = await staffGet(w, w.handlerX.token, secret.no);
    const seen = JSON.stringify(masked.body);
    for (const link of [owner.id, w.citizenB.id, other.no, who.name, who.phone, '5678']) expect(seen).not.toContain(link);
    expect(masked.body.ticket).toMatchObject({ contact: null, contactMasked: true });
    expect(masked.body.ticket.timeline.every((e: { actor: { id?: string } }) => e.actor.id === undefined || e.actor.id !== owner.id)).toBe(true);
    expect(masked.body.ticket.notices.every((n: { recipient: string }) => n.recipient === 'citizen')).toBe(true);
    // The photos of both tickets: the unit reads them all, and no key or signed URL names the citizen.
    const shown: Array<{ key: string }> = [...plain.attachments, ...masked.body.ticket.attachments];
    expect(shown).toHaveLength(3);
    for (const { key } of shown) {
      const link = await t.http.get(`/api/admin/v1/media/${key}?redirect=false`).set(bearer(w.handlerX.token)).expect(200);
      expect(`${key} ${link.body.url}`).not.toContain(owner.id);
      const file = await t.http.get(new URL(link.body.url).pathname + new URL(link.body.url).search).buffer(true).expect(200);
      expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
    }

    const list = await t.http.get('/api/admin/v1/tickets?limit=100').set(bearer(w.handlerX.token)).expect(200);
    const row = list.body.items.find((i: { no: string }) => i.no === secret.no);
    expect(JSON.stringify(row)).not.toMatch(/李建国|13912345678/);
    for (const q of [who.phone, who.name]) {
      const found = await t.http.get(`/api/admin/v1/tickets?q=${encodeURIComponent(q)}`).set(bearer(w.handlerX.token)).expect(200);
      expect(found.body.items.map((i: { no: string }) => i.no)).not.toContain(secret.no);
    }
  });

  test('004 §14 when a confidential ticket holds photos stored under the old per-citizen keys, then the handling unit sees only fresh opaque handles that serve the photo through the BFF', async () => {
    const owner = await buildCitizen(t);
    // Uploads issued before keys stopped naming the citizen: `c/<citizenId>/<month>/<hex>.png`.
    const legacy = [0, 1].map((i) => `c/${owner.id}/202611/${String(i).repeat(32)}.png`);
    for (const key of legacy) {
      const file = (t.deps.storage as LocalStorage).pathFor(key)!;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, PNG);
      await uploadModel(t.db).create({ _id: key, citizenId: owner.id, kind: 'image', mime: 'image/png', maxSize: 10 * 1024 * 1024, issuedAt: t.clock.now(), expiresAt: new Date(t.clock.now().getTime() + 600_000) });
    }
    const { no } = await buildTicket(w, { confidential: true, attachments: legacy }, owner);
    await must(w, w.operator.token, no, 'accept');
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });

    const first = (await staffGet(w, w.handlerX.token, no)).body;
    const again = (await staffGet(w, w.handlerX.token, no)).body;
    for (const body of [first, again]) expect(JSON.stringify(body)).not.toContain(owner.id);
    const handles: string[] = first.ticket.attachments.map((a: { key: string }) => a.key);
    expect(handles.every((h) => h.startsWith('h/'))).toBe(true);
    // A fresh handle on each read: equal handles would link reads of the same object.
    expect(again.ticket.attachments.map((a: { key: string }) => a.key).some((h: string) => handles.includes(h))).toBe(false);

    const link = await t.http.get(`/api/admin/v1/media/${handles[0]}?redirect=false`).set(bearer(w.handlerX.token)).expect(200);
    const url = new URL(link.body.url);
    expect(url.pathname).toMatch(/^\/api\/v1\/media-handles\/h\//);
    expect(link.body.url).not.toContain(owner.id);
    const file = await t.http.get(url.pathname + url.search).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
    const part = await t.http.get(url.pathname + url.search).set('Range', 'bytes=0-7').buffer(true).expect(206);
    expect((part.body as Buffer).length).toBe(8);
    const redirect = await t.http.get(`/api/admin/v1/media/${handles[1]}`).set(bearer(w.handlerX.token)).expect(302);
    expect(redirect.headers.location).not.toContain(owner.id);

    // A handle opens nothing for staff who may not see the ticket; a tampered or forged one is 404; a URL of another handle is refused.
    expect((await t.http.get(`/api/admin/v1/media/${handles[0]}`).set(bearer(w.handlerY.token))).status).toBe(404);
    const tampered = `${handles[0].slice(0, -2)}${handles[0].endsWith('A') ? 'B' : 'A'}A`;
    for (const bad of [tampered, 'h/', 'h/x', `h/${'A'.repeat(500)}`, 'h/..%2F..%2Fdev-secrets.json']) {
      const res = await t.http.get(`/api/admin/v1/media/${bad}`).set(bearer(w.handlerX.token));
      expect([res.status, res.body.error?.code]).toEqual([bad.length > 300 ? 400 : 404, bad.length > 300 ? 'VALIDATION_FAILED' : 'MEDIA_NOT_FOUND']);
    }
    const swapped = `/api/v1/media-handles/${handles[1]}${url.search}`;
    expect((await t.http.get(swapped)).body.error.code).toBe('MEDIA_URL_INVALID');
    t.clock.advance(301_000);
    expect((await t.http.get(url.pathname + url.search)).body.error.code).toBe('MEDIA_URL_EXPIRED');
    t.clock.set('2026-11-24T09:00:00+08:00');

    // Platform staff and the citizen keep the stored keys.
    expect((await staffGet(w, w.operator.token, no)).body.ticket.attachments.map((a: { key: string }) => a.key)).toEqual(legacy);
    expect((await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200)).body.ticket.attachments.map((a: { key: string }) => a.key)).toEqual(legacy);
  });

  test('004 §14 when a citizen submits without saying anything about confidentiality, then the request is confidential and the unit sees no contact', async () => {
    const owner = await buildCitizen(t);
    const res = await t.http.post('/api/v1/tickets').set(bearer(owner.token)).send({ type: 'complaint', content: '楼下饭店油烟直排，熏得整栋楼开不了窗', contact, idempotencyKey: `default-secret-${Date.now()}` }).expect(201);
    expect(res.body.ticket.confidential).toBe(true);
    const no = res.body.ticket.no as string;
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });
    expect((await staffGet(w, w.handlerX.token, no)).body.ticket).toMatchObject({ confidential: true, contact: null });
  });

  test('000 §14 a complaint is shown to the unit with the contact only when the citizen explicitly agreed (discloseIdentity); confidential: false alone discloses nothing', async () => {
    const owner = await buildCitizen(t);
    const submit = (body: Record<string, unknown>, key: string) =>
      t.http.post('/api/v1/tickets').set(bearer(owner.token)).send({ type: 'complaint', content: '小区门口的路灯坏了三天，晚上很黑', contact, idempotencyKey: `consent-${key}-${Date.now()}`, ...body }).expect(201);
    expect((await submit({ confidential: false }, 'a')).body.ticket.confidential).toBe(true);
    expect((await submit({ discloseIdentity: false }, 'b')).body.ticket.confidential).toBe(true);
    expect((await submit({ discloseIdentity: true }, 'c')).body.ticket.confidential).toBe(false);
  });

  test('004 §14 a 举报 (report) is confidential even when the form says the identity may be disclosed', async () => {
    const owner = await buildCitizen(t);
    const res = await t.http.post('/api/v1/tickets').set(bearer(owner.token)).send({ type: 'report', content: '某工地夜间偷排泥浆到雨水管网', discloseIdentity: true, idempotencyKey: `report-${Date.now()}` }).expect(201);
    expect(res.body.ticket.confidential).toBe(true);
    const keyed = await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send({ type: 'report', content: '某工地夜间偷排泥浆到雨水管网', callerPhone: '13900001111', discloseIdentity: true }).expect(201);
    expect(keyed.body.ticket.confidential).toBe(true);
  });

  test('004 §14 the submit schema documents the explicit consent', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
    expect(JSON.stringify(doc)).toContain('the citizen explicitly agrees that the handling units');
  });

  test('when the ticket is not confidential, then its unit sees the contact to call the citizen back', async () => {
    const { no } = await ticketIn(w, 'dispatched', { contact });
    expect((await staffGet(w, w.handlerX.token, no)).body.ticket).toMatchObject({ contactMasked: false, contact });
  });
});

describe('the citizen view', () => {
  test('when units exchange co-results and supervision, then the citizen\'s timeline omits them and shows no staff identities', async () => {
    const { no, owner } = await ticketIn(w, 'handling');
    await must(w, w.handlerCo.token, no, 'co-result', { result: '内部协办意见' });
    await must(w, w.supervisor.token, no, 'supervise', { means: 'reminder', note: '内部督办意见' });
    await must(w, w.handlerX.token, no, 'stage-report', { content: '已联系施工单位，周五前修复' });
    const res = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200);
    const body = JSON.stringify(res.body);
    for (const hidden of ['内部协办意见', '内部督办意见', w.operator.id, w.handlerX.id, 'internalNotes', 'coResults', 'supervision']) expect(body).not.toContain(hidden);
    expect(res.body.ticket.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'sign', 'stage-report']);
    expect(res.body.ticket.timeline[3].actor).toEqual({ kind: 'staff', unitName: '甲街道' });
    expect(res.body.ticket).toMatchObject({ leadUnitName: '甲街道', allowedActions: ['withdraw'] });
  });

  test('when the staff view is read, then it has the whole record and the actions this staff member may take', async () => {
    const { no } = await ticketIn(w, 'handling');
    const lead = (await staffGet(w, w.handlerX.token, no)).body.ticket;
    expect(lead.allowedActions).toEqual(expect.arrayContaining(['request-return', 'reply', 'request-extension', 'stage-report']));
    expect(lead.allowedActions).not.toContain('co-result');
    expect((await staffGet(w, w.handlerCo.token, no)).body.ticket.allowedActions).toEqual(['co-result']);
    expect(lead).toMatchObject({ units: { [w.units.x]: '甲街道', [w.units.co]: '供水公司' }, deadlines: expect.objectContaining({ dueAt: expect.any(String) }) });
  });
});
