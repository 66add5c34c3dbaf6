/**
 * 即时答复 from the knowledge base (000 §10, 002 §18): the operator's `answer` cites a published
 * entry; the timeline keeps the citation and the citizen sees the cited question to open it.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildTicket, buildWorld, must, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;
let published: { id: string; question: string };
let draftId: string;

async function entry(question: string, publish: boolean): Promise<string> {
  const res = await t.http.post('/api/admin/v1/knowledge').set(bearer(w.admin.token)).send({ question, answer: '60周岁以上老人持身份证到社区服务中心办理，当场制卡。', unit: w.units.y });
  if (res.status !== 201) throw new Error(`knowledge create failed ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.entry.id as string;
  if (publish) {
    const p = await t.http.post(`/api/admin/v1/knowledge/${id}/publish`).set(bearer(w.admin.token)).send({});
    if (p.status !== 200) throw new Error(`publish failed ${p.status} ${JSON.stringify(p.body)}`);
  }
  return id;
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  published = { id: await entry('老年优待证怎么办理？', true), question: '老年优待证怎么办理？' };
  draftId = await entry('老年卡丢了怎么补办？', false);
});
afterAll(() => t.close());

const consultation = () => buildTicket(w, { type: 'consultation', content: '请问老年优待证在哪里办理，需要带什么材料？' });

describe('answer citing the knowledge base (000 §10, 002 §18)', () => {
  test('000 §10 when the operator answers a consultation citing a published entry, then the timeline keeps the citation and the citizen sees the cited question', async () => {
    const { no, owner } = await consultation();
    const staff = await must(w, w.operator.token, no, 'answer', { answer: '请持身份证到所在社区服务中心办理，当场制卡。', knowledgeId: published.id });
    expect((staff.timeline as Array<{ action: string; data?: unknown }>).at(-1)).toMatchObject({ action: 'answer', data: { knowledgeId: published.id, knowledgeQuestion: published.question } });
    const citizen = (await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200)).body.ticket;
    expect(citizen.timeline.at(-1)).toMatchObject({ action: 'answer', data: { knowledge: { id: published.id, question: published.question } } });
    expect(citizen.result).toBe('请持身份证到所在社区服务中心办理，当场制卡。');
  });

  test('002 §18 when the answer cites an unpublished or unknown entry, then 422 KNOWLEDGE_ENTRY_NOT_FOUND and the request stays submitted', async () => {
    const { no } = await consultation();
    for (const knowledgeId of [draftId, 'no-such-entry']) {
      const res = await act(w, w.operator.token, no, 'answer', { answer: '请到社区办理。', knowledgeId });
      expect([res.status, res.body.error.code]).toEqual([422, 'KNOWLEDGE_ENTRY_NOT_FOUND']);
    }
    expect((await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token)).expect(200)).body.ticket).toMatchObject({ status: 'submitted', version: 0 });
  });

  test('when the answer cites nothing, then it is stored without a citation', async () => {
    const { no, owner } = await consultation();
    await must(w, w.operator.token, no, 'answer', { answer: '请到社区服务中心办理。' });
    const citizen = (await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200)).body.ticket;
    expect(citizen.timeline.at(-1).data).toBeUndefined();
  });
});
