import type { Locator } from 'playwright-core';
import type { DemoCity } from './support/demo-city';
import type { Stack } from './support/stack';
import { pick, Workbench, type StaffSeat } from './support/workbench';

/**
 * Issue 13, 排名与约谈 on the workbench (Pingdingshan, 003 §26-29): a supervisor records an
 * interview (a refusal is said in the form, which keeps what was typed), publishes the monthly
 * ranking once the month is over and interviews the unit it marks; a unit handler reads it all
 * and can change nothing.
 *
 * November 2026 of the demo city: 城管局 answers its request and the citizen is satisfied
 * (score 100), the water company signs its own in time (100), 住建局 never signs its own (score
 * 0: among the last two of the 市直单位和驻平单位组 and under 80 % of its best, marked, 003
 * §28(4)). 城管局 was interviewed in October already.
 */
describe('staff workbench: 排名与约谈 (pingdingshan, 003 §26-29)', () => {
  const wb = new Workbench({ REGULATION_PROFILE: 'pingdingshan' });
  const { seat, token, act } = wb;
  let stack: Stack;
  let city: DemoCity;
  let supervisor: StaffSeat;
  async function dispatchedTo(unit: string, content: string): Promise<string> {
    const created = await stack.app.http
      .post('/api/admin/v1/tickets')
      .set('Authorization', `Bearer ${await token('demo-operator')}`)
      .send({ type: 'complaint', content, callerPhone: '13912345678' })
      .expect(201);
    const no = (created.body as { ticket: { no: string } }).ticket.no;
    await act('demo-operator', no, 'accept');
    await act('demo-dispatcher', no, 'dispatch', { leadUnit: unit });
    return no;
  }
  /** Picks the option of a plain (unsearchable) antd Select that contains `text`. */
  async function choose(s: StaffSeat, field: Locator, text: string): Promise<void> {
    await field.click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: text, visible: true }).first().click();
  }
  async function month(s: StaffSeat, period: string): Promise<void> {
    const picker = s.page.getByLabel('月份');
    await picker.click();
    await picker.fill(period);
    await picker.press('Enter');
    await s.page.getByTestId('ranking-card').locator('.ant-card-head-title', { hasText: `${period} 月通报排名` }).waitFor();
  }
  const form = (s: StaffSeat) => s.page.getByTestId('interview-form');

  beforeAll(async () => {
    ({ stack, city } = await wb.start());
    const { chengguan, zhujian, water } = city.org.units;
    const good = await dispatchedTo(chengguan, '四龙路人行道上共享单车堆放杂乱，影响行人通行。');
    await act('demo-chengguan', good, 'sign');
    await act('demo-chengguan', good, 'reply', { result: '已清理人行道上的共享单车，并通知运营企业定期巡查。' });
    await act('demo-operator', good, 'review', { approve: true });
    await act('demo-visitor', good, 'visit', { answered: true, satisfaction: 'satisfied', note: '满意' });
    await act('demo-water', await dispatchedTo(water, '四龙路小区停水两天，没有接到任何通知。'), 'sign');
    await dispatchedTo(zhujian, '小区改造后楼道墙皮脱落，物业推说是住建部门的工程。');
    await stack.app.http
      .post('/api/admin/v1/interviews')
      .set('Authorization', `Bearer ${await token('demo-supervisor')}`)
      .send({ unit: chengguan, ground: 'handling-conduct', heldOn: '2026-10-15', interviewer: '市指挥中心主任', interviewee: '直接责任人', note: '推诿扯皮' })
      .expect(201);
  });
  afterAll(() => wb.close());

  it('when a supervisor records an interview without the interviewee, then the form says so and keeps what was typed; a refusal of the API too; completed, it is in the register and a second month in a row is marked red (003 §28(5))', async () => {
    supervisor = await seat('demo-supervisor');
    const s = supervisor;
    await s.page.getByRole('link', { name: '排名与约谈' }).click();
    const f = form(s);
    await pick(s, f.getByLabel('被约谈单位'), '白银市城市管理局');
    await choose(s, f.getByLabel('约谈情形'), '推诿扯皮');
    await f.getByLabel('约谈人', { exact: true }).fill('市指挥中心主任');
    await f.getByLabel('备注').fill('占道经营投诉推诿扯皮，限期整改');
    await f.getByRole('button', { name: '记录约谈' }).click();
    await f.getByText('请填写被约谈人').waitFor();
    await f.getByRole('alert').filter({ hasText: '请按提示修改' }).waitFor();
    expect(await f.getByLabel('约谈人', { exact: true }).inputValue()).toBe('市指挥中心主任');
    expect(await f.getByLabel('备注').inputValue()).toBe('占道经营投诉推诿扯皮，限期整改');
    await s.shot('acc1-interview-missing-field');

    // 003 §28(4) for a month whose ranking is not published: the API refuses, the form keeps it all.
    await f.getByLabel('被约谈人').fill('分管副局长');
    await choose(s, f.getByLabel('约谈情形'), '月通报排名靠后');
    await f.getByLabel('通报月份').click();
    await f.getByLabel('通报月份').fill('2026-11');
    await f.getByLabel('通报月份').press('Enter');
    await f.getByRole('button', { name: '记录约谈' }).click();
    await f.getByRole('alert').filter({ hasText: '2026-11排名尚未通报' }).waitFor();
    expect(await f.getByLabel('被约谈人').inputValue()).toBe('分管副局长');
    expect(await f.getByLabel('约谈人', { exact: true }).inputValue()).toBe('市指挥中心主任');
    await s.shot('acc2-interview-422');

    await choose(s, f.getByLabel('约谈情形'), '推诿扯皮');
    await f.getByRole('button', { name: '记录约谈' }).click();
    await f.getByRole('status').filter({ hasText: '已记录：白银市城市管理局（2026-11）' }).waitFor();
    expect(await f.getByLabel('被约谈人').inputValue()).toBe('');
    const row = s.page.getByTestId('interview-list').locator('tr', { hasText: '白银市城市管理局' });
    await row.filter({ hasText: '分管副局长' }).filter({ hasText: '2026-11-24' }).waitFor();
    const unit = s.page.locator('[data-accountability-unit="白银市城市管理局"]');
    await unit.getByRole('cell', { name: '2', exact: true }).waitFor();
    await unit.locator('[data-escalation="leader-interview"][data-reached="true"].ant-tag-red').waitFor();
    expect(await unit.locator('[data-escalation="public-statement"]').getAttribute('data-reached')).toBe('false');
    await s.shot('acc3-interview-recorded');
  });

  it('when the month is not over, then publishing is refused in the card; in December the supervisor publishes November and sees the four groups, 住建局 marked and pending', async () => {
    const s = supervisor;
    const ranking = s.page.getByTestId('ranking-card');
    await ranking.getByTestId('ranking-none').filter({ hasText: '2026-11 排名尚未通报' }).waitFor();
    await ranking.getByRole('button', { name: '发布本月排名' }).click();
    await ranking.getByRole('alert').filter({ hasText: '尚未结束' }).waitFor();
    await s.shot('acc4-publish-refused');

    stack.app.clock.set('2026-12-01T10:00:00+08:00');
    await s.page.clock.setFixedTime(stack.app.clock.now());
    await ranking.getByLabel('通报说明（可不填）').fill('市指挥中心11月通报');
    await ranking.getByRole('button', { name: '发布本月排名' }).click();
    const published = ranking.getByTestId('ranking-published');
    await published.waitFor();
    expect(await published.locator('.ranking-group h5').allInnerTexts()).toEqual([
      expect.stringContaining('县（市）组'),
      expect.stringContaining('区组'),
      expect.stringContaining('市直单位和驻平单位组'),
      expect.stringContaining('各区乡镇（街道）组'),
    ]);
    const department = published.locator('[data-group="department"]');
    await department.locator('[data-ranked-unit="白银市城市管理局"]').filter({ hasText: '—' }).waitFor();
    await department.locator('[data-ranked-unit="白银市住房和城乡建设局"]').filter({ hasText: '达到约谈标准' }).waitFor();
    await published.getByText('市指挥中心11月通报').waitFor();
    await ranking.getByRole('button', { name: '发布本月排名' }).waitFor({ state: 'detached' });
    await s.page.locator('[data-pending-unit="白银市住房和城乡建设局"]').filter({ hasText: '市直单位和驻平单位组' }).waitFor();
    await s.page.locator('[data-published-month="2026-11"]').waitFor();
    await s.shot('acc5-ranking-published');
  });

  it('when a unit handler opens 排名与约谈, then it reads the ranking and the register, and nothing offers to publish or record', async () => {
    const h = await seat('demo-chengguan');
    await h.page.getByRole('link', { name: '排名与约谈' }).click();
    // December (its clock): not published, and no way to publish it.
    await h.page.getByTestId('ranking-none').filter({ hasText: '2026-12 排名尚未通报' }).waitFor();
    await month(h, '2026-11');
    const published = h.page.getByTestId('ranking-published');
    await published.locator('[data-ranked-unit="白银市住房和城乡建设局"]').filter({ hasText: '达到约谈标准' }).waitFor();
    await h.page.locator('[data-pending-unit="白银市住房和城乡建设局"]').waitFor();
    await h.page.locator('[data-accountability-unit="白银市城市管理局"] [data-escalation="leader-interview"][data-reached="true"]').waitFor();
    await h.page.getByTestId('interview-list').locator('tr', { hasText: '分管副局长' }).waitFor();
    expect(await h.page.getByRole('button', { name: '发布本月排名' }).count()).toBe(0);
    expect(await h.page.getByRole('button', { name: '记录约谈' }).count()).toBe(0);
    expect(await h.page.getByTestId('interview-form').count()).toBe(0);
    await h.shot('acc6-handler-read-only');
  });

  it('when the supervisor records the marked unit’s interview from the pending list, then it leaves the list and joins the register (003 §28(4))', async () => {
    const s = supervisor;
    await s.page.locator('[data-pending-unit="白银市住房和城乡建设局"]').getByRole('button', { name: '记录约谈' }).click();
    const f = form(s);
    await f.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: '白银市住房和城乡建设局' }).first().waitFor();
    expect(await f.getByLabel('通报月份').inputValue()).toBe('2026-11');
    await f.getByLabel('约谈人', { exact: true }).fill('市政府办公室副主任');
    await f.getByLabel('被约谈人').fill('分管副局长（住建）');
    await f.getByRole('button', { name: '记录约谈' }).click();
    await f.getByRole('status').filter({ hasText: '已记录：白银市住房和城乡建设局（2026-11）' }).waitFor();
    await s.page.getByTestId('accountability-pending').getByText('没有待约谈的单位').waitFor();
    await s.page.getByTestId('interview-list').locator('tr', { hasText: '白银市住房和城乡建设局' }).filter({ hasText: '月通报排名靠后' }).waitFor();
    await s.shot('acc7-pending-interviewed');
  });

  it('when the pages have run, then none threw an error', () => {
    expect(wb.errors).toEqual([]);
  });
});
