/**
 * Who may ask for what, and who handles it, through the real app: every kind of request the
 * regulations name is registered (000 §2, 002 §3), and a public-service company is a handling
 * unit like a government department (002 §8, 000 §11(1)).
 */
import { TYPE_LABELS, TICKET_TYPES } from '@mashang/shared';
import { buildTestApp } from '../support/app';
import { bearer, buildTicket, buildWorld, must, staffGet, type World } from '../support/ticket-builders';

describe('the requests and the units the regulations cover (000 §2, 002 §3, 002 §8)', () => {
  let w: World;
  beforeAll(async () => (w = await buildWorld(await buildTestApp({ REGULATION_PROFILE: 'liaoning' }, '2026-11-24T09:00:00+08:00'))));
  afterAll(() => w.t.close());

  test('000 §2 002 §3 when a citizen submits a 咨询, 求助, 投诉, 举报 or 意见建议, then each is registered as that type and an operator can accept it', async () => {
    expect(TICKET_TYPES.map((t) => TYPE_LABELS[t])).toEqual(['咨询', '求助', '投诉', '举报', '建议']);
    for (const type of TICKET_TYPES) {
      const { no } = await buildTicket(w, { type, content: `关于小区公共设施的${TYPE_LABELS[type]}：健身器材损坏需要修理` });
      const ticket = (await staffGet(w, w.admin.token, no)).body.ticket;
      expect([ticket.type, ticket.status]).toEqual([type, 'submitted']);
      expect(await must(w, w.operator.token, no, 'accept', {})).toMatchObject({ status: 'accepted', type });
    }
  });

  test('002 §8 when a public-service company (承担公共服务职能的企业) is dispatched a request, then its staff sign for it and reply as the 承办单位', async () => {
    const { no } = await buildTicket(w, { type: 'help', content: '整栋楼停水两天了，没有任何通知' });
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.co });
    const unit = (await w.t.http.get(`/api/admin/v1/units/${w.units.co}`).set(bearer(w.admin.token))).body.unit;
    expect(unit.kind).toBe('utility');
    expect(await must(w, w.handlerCo.token, no, 'sign', {})).toMatchObject({ status: 'handling', leadUnit: w.units.co });
    expect(await must(w, w.handlerCo.token, no, 'reply', { result: '管网抢修完毕，已恢复供水，并张贴停水通知制度' })).toMatchObject({ status: 'replied' });
  });
});
