import { STATUS_LABELS } from '@mashang/shared';
import { photoPng, type DemoCity } from './support/demo-city';
import type { Stack } from './support/stack';
import { DESK, dialog, expectQueueCounts, openSeat, PHONE, pick, startAction, submitAction, Workbench, type StaffSeat } from './support/workbench';

/**
 * Issue 14: the staff workbench at /admin/ in headless Chromium. One hotline call goes round the
 * closed loop, each staff member at their own seat: the operator keys it in and accepts it, the
 * dispatcher dispatches it, the 城管 handler signs and replies from a 375 px phone, the operator
 * reviews, the visitor records the visit, the leader opens the figures and downloads a report.
 * Another unit's handler sees nothing of it; a confidential call shows nobody to the unit.
 * The handler replies with a photo and finds the dispatch in the inbox; each queue's count is the
 * length of its list; the leader opens the monthly trend, the hot spots and the 督办 records.
 */
describe('staff workbench: the closed loop at /admin/', () => {
  const wb = new Workbench();
  const { seat, openTicket, token: apiToken, seats } = wb;
  let stack: Stack;
  let city: DemoCity;
  let no = '';

  beforeAll(async () => {
    ({ stack, city } = await wb.start());
  });
  afterAll(() => wb.close());
  afterEach(() => stack.app.clock.advance(10 * 60 * 1000));

  it('when a wrong password is typed, then the login says so and keeps the username', async () => {
    const s = await openSeat(wb.browser, stack, DESK);
    seats.push(s);
    await s.page.goto(`${stack.baseUrl}/admin/`);
    await s.page.getByLabel('用户名').fill('demo-operator');
    await s.page.getByLabel('密码').fill('not-the-password-1');
    await s.page.getByRole('button', { name: '登录' }).click();
    await s.page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    expect(await s.page.getByLabel('用户名').inputValue()).toBe('demo-operator');
    await s.shot('00-login-refused');
  });

  it('when the operator keys in a call with a bad phone number, then the field says why and nothing typed is lost; corrected, the ticket is created', async () => {
    const op = await seat('demo-operator');
    await op.shot('01-operator-queues');
    await op.page.getByRole('link', { name: '热线登记' }).click();
    const content = '人民路锦绣花园小区南门外的路灯坏了一周，晚上很黑，老人出门不方便。';
    await op.page.getByLabel('来电号码').fill('1391234');
    await op.page.getByLabel('来电人姓名').fill('李阿姨');
    await op.page.getByLabel('诉求内容').fill(content);
    await op.page.getByLabel('地址').fill('白银区人民路锦绣花园南门');
    await op.page.getByRole('button', { name: '登记' }).click();
    await op.page.getByText('请输入有效的手机号或带区号的固定电话').waitFor();
    expect(await op.page.getByLabel('诉求内容').inputValue()).toBe(content);
    expect(await op.page.getByLabel('来电人姓名').inputValue()).toBe('李阿姨');
    await op.shot('02-desk-bad-phone');
    await op.page.getByLabel('来电号码').fill('13912345678');
    await op.page.getByRole('button', { name: '登记' }).click();
    no = (await op.page.getByTestId('created-no').innerText()).trim();
    expect(no).toMatch(/^\d{8}-\d{6,9}$/);
    await op.shot('03-desk-created');
  });

  it('when the operator opens it from 待受理, then it is accepted with the form', async () => {
    const op = seats[1];
    await op.page.getByRole('link', { name: '工单队列' }).click();
    await op.page.locator('[data-queue="submitted"]').click();
    await op.page.getByRole('link', { name: no }).click();
    await op.page.getByTestId('ticket-no').waitFor();
    await op.page.getByText('李阿姨 13912345678').waitFor();
    await startAction(op, 'accept');
    await dialog(op).getByLabel('受理意见').fill('属实，受理');
    await submitAction(op, STATUS_LABELS.accepted);
    await op.shot('04-operator-accepted');
  });

  it('when the dispatcher opens 待派单, then the ticket is dispatched to 城市管理局', async () => {
    const d = await seat('demo-dispatcher');
    await d.page.getByRole('link', { name: no }).click();
    const form = await startAction(d, 'dispatch');
    await pick(d, form.getByLabel('牵头（承办）单位'), '白银市城市管理局');
    await d.shot('05-dispatch-form');
    await submitAction(d, STATUS_LABELS.dispatched);
    await d.shot('06-dispatched');
  });

  it('when the 城管 handler signs and replies from a phone, then an empty reply and a stale version get clear messages and the typed reply survives both', async () => {
    const h = await seat('demo-chengguan', PHONE);
    await h.page.getByTestId('who-unit').filter({ hasText: '白银市城市管理局' }).waitFor();
    await h.shot('07-handler-queue-phone');
    await h.page.locator(`.ticket-row[data-no="${no}"] a`).click();
    await h.page.getByTestId('ticket-no').waitFor();
    // Large enough to tap: the action buttons are at least 44 px high.
    expect((await h.page.locator('.action-bar button[data-action="sign"]').boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await startAction(h, 'sign');
    await submitAction(h, STATUS_LABELS.handling);
    await h.shot('08-handler-signed-phone');

    let form = await startAction(h, 'reply');
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByText('请填写办理结果（答复诉求人）').waitFor();
    const reply = '已更换路灯灯泡并检修线路，当晚恢复照明。';
    await form.getByLabel('办理结果（答复诉求人）').fill(reply);
    // Meanwhile the supervisor urges the unit (督办): the ticket moves to a new version.
    stack.app.clock.advance(60 * 1000);
    await stack.app.http
      .post(`/api/admin/v1/tickets/${no}/supervise`)
      .set('Authorization', `Bearer ${await apiToken('demo-supervisor')}`)
      .send({ means: 'reminder', note: '请尽快答复' })
      .expect(200);
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByRole('alert').filter({ hasText: '已被他人更新' }).waitFor();
    expect(await form.getByLabel('办理结果（答复诉求人）').inputValue()).toBe(reply);
    await h.shot('09-handler-reply-412-phone');
    await form.getByRole('button', { name: '刷新工单' }).click();
    await form.getByRole('alert').filter({ hasText: '已刷新为最新版本' }).waitFor();
    form = dialog(h);
    expect(await form.getByLabel('办理结果（答复诉求人）').inputValue()).toBe(reply);
    // A photo of the repaired lamp: the staff upload (policy, then the form post), its key in the reply.
    await form.locator('input[type="file"]').setInputFiles({ name: 'repaired.png', mimeType: 'image/png', buffer: photoPng() });
    await form.locator('.ant-upload-list-item-done').waitFor();
    await submitAction(h, STATUS_LABELS.replied);
    await h.page.getByText(reply).first().waitFor();
    await h.page.locator('[data-action="reply"] img[alt="答复照片"]').waitFor();
    expect(await h.page.locator('[data-action="reply"] img[alt="答复照片"]').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await h.shot('10-handler-replied-phone');
  });

  it('when the operator reviews the reply, then it goes to the visit', async () => {
    const op = seats[1];
    await openTicket(op, no);
    await startAction(op, 'review');
    await submitAction(op, STATUS_LABELS.visiting);
    await op.shot('11-operator-reviewed');
  });

  it('when the visitor records an answered call with 满意, then the ticket is closed', async () => {
    const v = await seat('demo-visitor');
    await v.page.getByRole('link', { name: no }).click();
    const form = await startAction(v, 'visit');
    await pick(v, form.getByLabel('诉求人评价'), '满意');
    await form.getByLabel('回访记录').fill('电话回访，市民表示路灯已亮，满意。');
    await v.shot('12-visit-form');
    await submitAction(v, STATUS_LABELS.closed);
    await v.page.locator('[data-action="visit"]').first().waitFor();
    await v.shot('13-closed-timeline');
  });

  it('when the leader opens the figures, then the table and chart show and a report downloads', async () => {
    const l = await seat('demo-supervisor');
    await l.page.getByRole('link', { name: '统计报表' }).click();
    await l.page.getByTestId('stats-total').waitFor();
    await l.page.locator('.chart canvas').first().waitFor();
    await l.page.getByRole('cell', { name: '白银市城市管理局' }).first().waitFor();
    await l.shot('14-leader-stats');
    const [download] = await Promise.all([l.page.waitForEvent('download'), l.page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const [csv] = await Promise.all([l.page.waitForEvent('download'), l.page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('when the leader opens the monthly trend, the hot spots and the 督办 records, then each shows its figures', async () => {
    const l = seats[seats.length - 1];
    await l.page.getByTestId('monthly-trend').locator('canvas').waitFor();
    expect(await l.page.getByTestId('trend-summary').innerText()).toMatch(/受理 [1-9]\d* 件$/);
    await l.shot('14b-leader-trend');
    await l.page.getByRole('link', { name: '热点分析' }).click();
    await l.page.getByTestId('hotspots-total').filter({ hasText: /共 [1-9]\d* 件/ }).waitFor();
    await l.page.locator('.chart canvas').first().waitFor();
    await l.page.getByText('承办单位').first().click();
    await l.page.getByRole('cell', { name: '白银市城市管理局' }).first().waitFor();
    await l.shot('14c-leader-hotspots');
    await l.page.getByRole('link', { name: '督办', exact: true }).click();
    await l.page.getByRole('link', { name: no }).first().waitFor();
    await l.shot('14d-leader-supervisions');
  });

  it('when staff open their queues, then each badge counts exactly the tickets its list shows', async () => {
    const desks = seats.filter((x) => x.page.viewportSize()?.width === DESK.width && x !== seats[0]);
    for (const s of [desks[desks.length - 1], desks[0], desks[1]]) {
      await s.page.getByRole('link', { name: '工单队列' }).click();
      await expectQueueCounts(s);
    }
    await seats[seats.length - 1].shot('14e-leader-queue-counts');
  });

  it('when the handler opens the inbox from the bell, then the dispatch is there and reading it lowers the unread count', async () => {
    const h = seats.find((s) => s.page.viewportSize()?.width === PHONE.width) as StaffSeat;
    await h.page.getByTestId('inbox-bell').click();
    const row = h.page.locator('.notice-row[data-unread="true"]').filter({ hasText: no }).first();
    await row.waitFor();
    // The inbox has just read the count: the bell shows the same number.
    const unread = Number(await h.page.getByTestId('inbox-unread').getAttribute('data-count'));
    expect(unread).toBeGreaterThan(0);
    await h.page.locator(`[data-testid="inbox-bell"][aria-label="消息，${unread} 条未读"]`).waitFor();
    await h.shot('14f-handler-inbox-phone');
    await row.click();
    await h.page.getByTestId('ticket-no').waitFor();
    await h.page.locator(`[data-testid="inbox-bell"][aria-label="消息，${unread - 1} 条未读"]`).waitFor();
  });

  it('when a handler of another unit looks for the ticket, then the workbench shows nothing of it', async () => {
    const other = await seat('demo-zhujian', PHONE);
    await other.page.locator('[data-queue="all"]').click();
    await other.page.getByText('没有工单').or(other.page.locator('.ticket-row')).first().waitFor();
    expect(await other.page.locator(`.ticket-row[data-no="${no}"]`).count()).toBe(0);
    await other.page.goto(`${stack.baseUrl}/admin/tickets/${no}`);
    await other.page.getByText('没有找到这件工单').waitFor();
    expect(await other.page.content()).not.toContain('路灯坏了一周');
    await other.shot('15-other-unit-nothing-phone');
  });

  it('when a call is kept confidential, then the unit handler sees no name or phone while the operator does', async () => {
    const operator = await apiToken('demo-operator');
    const dispatcher = await apiToken('demo-dispatcher');
    const created = await stack.app.http
      .post('/api/admin/v1/tickets')
      .set('Authorization', `Bearer ${operator}`)
      .send({ type: 'report', content: '举报四龙路一处工地夜间违规施工，噪音扰民。', callerPhone: '13800001111', callerName: '赵保密' })
      .expect(201);
    const secret = (created.body as { ticket: { no: string } }).ticket.no;
    stack.app.clock.advance(60 * 1000);
    await stack.app.http.post(`/api/admin/v1/tickets/${secret}/accept`).set('Authorization', `Bearer ${operator}`).send({}).expect(200);
    stack.app.clock.advance(60 * 1000);
    await stack.app.http.post(`/api/admin/v1/tickets/${secret}/dispatch`).set('Authorization', `Bearer ${dispatcher}`).send({ leadUnit: city.org.units.chengguan }).expect(200);

    const h = seats.find((s) => s.page.viewportSize()?.width === PHONE.width) as StaffSeat;
    await openTicket(h, secret);
    await h.page.getByTestId('contact').filter({ hasText: '保密诉求：不显示诉求人身份' }).waitFor();
    const html = await h.page.content();
    expect(html).not.toContain('赵保密');
    expect(html).not.toContain('13800001111');
    await h.shot('16-confidential-unit-phone');

    const op = seats[1];
    await openTicket(op, secret);
    await op.page.getByTestId('contact').filter({ hasText: '赵保密' }).waitFor();
  });

  it('when the whole story has run, then no page threw an error', () => {
    expect(wb.errors).toEqual([]);
  });
});
