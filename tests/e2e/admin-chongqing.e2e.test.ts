import { STATUS_LABELS } from '@mashang/shared';
import type { DemoCity } from './support/demo-city';
import type { Stack } from './support/stack';
import { dialog, pick, startAction, submitAction, Workbench, type StaffSeat } from './support/workbench';

/**
 * Issue 13, Chongqing's bottom-up handling on the workbench (004 §7-9): the community that
 * received a request applies to pass it on from its ticket page; the street finds the
 * application in 下级申请待审核 and takes it on itself; a community's reply waits there too as a
 * 办结申请, which the street approves.
 */
describe('staff workbench: Chongqing bottom-up handling (004 §8-9)', () => {
  const wb = new Workbench({ REGULATION_PROFILE: 'chongqing' });
  const { seat, act, openTicket } = wb;
  let stack: Stack;
  let city: DemoCity;

  /** A hotline call accepted by the 市指挥中心 and given to 金鱼公园社区 (代受理, 004 §8). */
  async function atCommunity(content: string): Promise<string> {
    const created = await stack.app.http
      .post('/api/admin/v1/tickets')
      .set('Authorization', `Bearer ${await wb.token('demo-operator')}`)
      .send({ type: 'complaint', channel: 'web', content, callerPhone: '13912345678' })
      .expect(201);
    const no = (created.body as { ticket: { no: string } }).ticket.no;
    await act('demo-operator', no, 'accept');
    await act('demo-dispatcher', no, 'dispatch', { leadUnit: city.org.units.jinyuCommunity });
    return no;
  }
  /** The street's 下级申请待审核 tab: its badge and the rows it lists. */
  async function reviewQueue(s: StaffSeat): Promise<{ count: number; rows: string[] }> {
    await s.page.goto(`${stack.baseUrl}/admin/`);
    const tab = s.page.locator('[data-queue="reviewPending"][data-count]').filter({ visible: true });
    await tab.waitFor();
    const count = Number(await tab.getAttribute('data-count'));
    await tab.click();
    await s.page.locator('.ant-tabs-tab-active [data-queue="reviewPending"]').waitFor();
    await s.page.waitForFunction((n) => !document.querySelector('.ant-spin-spinning') && document.querySelectorAll('.ticket-row').length === n, count, { timeout: 5_000 }).catch(() => undefined);
    return { count, rows: await s.page.locator('.ticket-row').allInnerTexts() };
  }

  beforeAll(async () => {
    ({ stack, city } = await wb.start());
  });
  afterAll(() => wb.close());

  it('004 §8, §9 when the community applies to pass a request on, then the street finds it in 下级申请待审核 and takes it on itself', async () => {
    const no = await atCommunity('金鱼公园社区旁的市政排水管破裂，污水漫到人行道上');
    const community = await seat('demo-jinyu');
    await openTicket(community, no);
    const form = await startAction(community, 'request-return');
    await form.getByLabel('退回（转请）理由 / 初步核查情况').fill('初步核查：排水管网属区市政设施，社区无权处置');
    await pick(community, form.getByLabel('情形'), '超出本单位本辖区事权范围');
    await community.shot('cq-01-community-applies');
    await submitAction(community, STATUS_LABELS.returning);

    const street = await seat('demo-renminlu');
    const queue = await reviewQueue(street);
    expect(queue.count).toBe(1);
    expect(queue.rows.join('\n')).toContain(no);
    await street.shot('cq-02-street-review-queue');
    await openTicket(street, no);
    const decide = await startAction(street, 'decide-return');
    await pick(street, decide.getByLabel('转办 / 本级承办单位（上级单位审核时不填即转请上一级）'), '人民路街道');
    await decide.getByLabel('审核意见（转请上一级时必填）').fill('本街道受理承办');
    await street.shot('cq-03-street-takes-it');
    await submitAction(street, STATUS_LABELS.dispatched);
    // Nothing left to review: the queue leaves the tabs once the counts are in.
    await street.page.goto(`${stack.baseUrl}/admin/`);
    await street.page.locator('[data-queue="all"][data-count]').filter({ visible: true }).waitFor();
    expect(await street.page.locator('[data-queue="reviewPending"]').count()).toBe(0);
  });

  it('004 §8 when the community replies, then its 办结申请 waits in the street’s queue, not the operator’s, and the street approves it', async () => {
    const no = await atCommunity('金鱼公园社区三号楼楼道堆满杂物，影响通行');
    await act('demo-jinyu', no, 'sign');
    await act('demo-jinyu', no, 'reply', { result: '已联系住户清理楼道杂物，楼道已畅通' });

    const operator = await seat('demo-operator');
    await openTicket(operator, no);
    expect(await operator.page.locator('.action-bar button[data-action="review"]').count()).toBe(0);

    const street = await seat('demo-renminlu');
    expect((await reviewQueue(street)).rows.join('\n')).toContain(no);
    await openTicket(street, no);
    await startAction(street, 'review');
    await dialog(street).getByLabel('审核意见（退回时必填）').fill('符合办结标准');
    await submitAction(street, STATUS_LABELS.visiting);
    await street.shot('cq-04-street-approved-closure');
  });

  it('when the pages have run, then none threw an error', () => {
    expect(wb.errors).toEqual([]);
  });
});
