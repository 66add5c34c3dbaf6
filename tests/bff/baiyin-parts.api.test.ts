/**
 * Issue 13: 000 §11(2) a request touching several units' duties — the platform names a lead and the
 * units that handle the other parts; each reports its own part to the lead (000 §18), who replies
 * for all. (Parts needing separate answers to the citizen are keyed in as separate tickets: README.)
 */
import { buildTestApp } from '../support/app';
import { buildTicket, buildWorld, must, staffGet, type World } from '../support/ticket-builders';

describe('baiyin (000): separate units for separate parts of one request', () => {
  let w: World;
  beforeAll(async () => (w = await buildWorld(await buildTestApp({ REGULATION_PROFILE: 'baiyin' }, '2026-11-24T09:00:00+08:00'))));
  afterAll(() => w.t.close());

  test('000 §11(2), §18 when the street, 城管 and 供水 each have a part, then each co-unit records its own part and the lead’s reply misses none', async () => {
    const { no } = await buildTicket(w, { content: '小区门口道路塌陷，下面的供水管也在漏水，路边还有违章搭建' });
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x, coUnits: [w.units.y, w.units.co], note: '街道牵头；城管负责违章搭建，供水公司负责漏水管道' });
    await must(w, w.handlerX.token, no, 'sign', {});
    const partial = await must(w, w.handlerY.token, no, 'co-result', { result: '违章搭建已拆除' });
    expect(partial.coResults).toEqual([expect.objectContaining({ unit: w.units.y, result: '违章搭建已拆除', round: 1 })]);
    await must(w, w.handlerCo.token, no, 'co-result', { result: '漏水管道已更换' });
    await must(w, w.handlerX.token, no, 'reply', { result: '道路已修复；违章搭建已拆除（城管）；漏水管道已更换（供水）' });
    const detail = (await staffGet(w, w.admin.token, no)).body.ticket;
    expect((detail.coResults as Array<{ unit: string }>).map((c) => c.unit).sort()).toEqual([w.units.y, w.units.co].sort());
    const reply = (detail.timeline as Array<{ action: string; data?: Record<string, unknown> }>).find((e) => e.action === 'reply');
    expect(reply?.data).not.toHaveProperty('missingCoResults');
  });
});
