/** Reply photos: a unit handler uploads through POST /api/admin/v1/uploads and attaches the keys to the reply (办结答复). */
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildWorld, must, PNG, ticketIn, uploadImage, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** An image uploaded with a staff token through the real two steps; returns its key. */
async function staffUpload(token: string): Promise<string> {
  const issued = await t.http.post('/api/admin/v1/uploads').set(bearer(token)).send({ kind: 'image', mime: 'image/png', size: PNG.length }).expect(201);
  const form = t.http.post(new URL(issued.body.uploadUrl).pathname);
  for (const [k, v] of Object.entries(issued.body.fields as Record<string, string>)) form.field(k, v);
  await form.attach('file', PNG, { filename: 'done.png', contentType: 'image/png' }).expect(200);
  return issued.body.key;
}

const mediaStatus = async (token: string, key: string) => (await t.http.get(`/api/admin/v1/media/${key}?redirect=false`).set(bearer(token))).status;

describe('POST /api/admin/v1/uploads (reply photos)', () => {
  test('when the lead unit replies with its own photo, then the reply carries it and the citizen and platform may read it, another unit may not', async () => {
    const ticket = await ticketIn(w, 'handling');
    const key = await staffUpload(w.handlerX.token);
    expect(await mediaStatus(w.handlerX.token, key)).toBe(200);
    expect(await mediaStatus(w.operator.token, key)).toBe(404);
    const replied = await must(w, w.handlerX.token, ticket.no, 'reply', { result: '已修复，附现场照片', attachments: [key] });
    const entry = (replied.timeline as Array<{ action: string; data?: { attachments?: string[] } }>).find((e) => e.action === 'reply');
    expect(entry?.data?.attachments).toEqual([key]);
    expect(await mediaStatus(w.operator.token, key)).toBe(200);
    expect(await mediaStatus(w.handlerY.token, key)).toBe(404);
    const citizen = await t.http.get(`/api/v1/media/${key}?redirect=false`).set(bearer(ticket.owner.token));
    expect(citizen.status).toBe(200);
  });

  test('when a key is someone else\'s (another handler\'s or a citizen\'s), then the reply is refused 403 MEDIA_NOT_OWNED and the ticket stays in handling', async () => {
    const ticket = await ticketIn(w, 'handling');
    const others = await staffUpload(w.handlerY.token);
    const res = await act(w, w.handlerX.token, ticket.no, 'reply', { result: '已处理', attachments: [others] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('MEDIA_NOT_OWNED');
    const citizens = await uploadImage(w, ticket.owner);
    expect((await act(w, w.handlerX.token, ticket.no, 'reply', { result: '已处理', attachments: [citizens] })).status).toBe(403);
    const view = await t.http.get(`/api/admin/v1/tickets/${ticket.no}`).set(bearer(w.operator.token)).expect(200);
    expect(view.body.ticket.status).toBe('handling');
  });

  test('when a photo was used by one reply, then another ticket\'s reply cannot reuse it (409 MEDIA_ALREADY_USED)', async () => {
    const first = await ticketIn(w, 'handling');
    const second = await ticketIn(w, 'handling');
    const key = await staffUpload(w.handlerX.token);
    await must(w, w.handlerX.token, first.no, 'reply', { result: '已处理', attachments: [key] });
    const res = await act(w, w.handlerX.token, second.no, 'reply', { result: '已处理', attachments: [key] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MEDIA_ALREADY_USED');
  });

  test('when a citizen token or a non-handler asks for a policy, then 401 / 403', async () => {
    await t.http.post('/api/admin/v1/uploads').set(bearer(w.citizenA.token)).send({ kind: 'image', mime: 'image/png', size: 10 }).expect(401);
    await t.http.post('/api/admin/v1/uploads').set(bearer(w.operator.token)).send({ kind: 'image', mime: 'image/png', size: 10 }).expect(403);
  });
});
