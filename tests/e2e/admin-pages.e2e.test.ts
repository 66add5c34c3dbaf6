import type { Locator } from 'playwright-core';
import type { DemoCity } from './support/demo-city';
import type { Stack } from './support/stack';
import { pick, Workbench, type StaffSeat } from './support/workbench';

/**
 * Issue 14, the admin pages: the admin keeps the dispatch catalogue and the knowledge base, a
 * supervisor publishes a representative case from a closed ticket once the redaction check
 * passes. Every refusal is said in the form, which keeps what was typed.
 */
describe('staff workbench: catalogue, knowledge base and public cases', () => {
  const wb = new Workbench();
  const { seat, token, act, seats } = wb;
  let stack: Stack;
  let city: DemoCity;
  const card = (s: StaffSeat, title: string): Locator => s.page.locator('.ant-card').filter({ has: s.page.locator('.ant-card-head-title', { hasText: title }) });

  beforeAll(async () => {
    ({ stack, city } = await wb.start());
  });
  afterAll(() => wb.close());

  it('when the admin creates a category without a name, then the form says so; named, it is created, keyed and its rule saved; its parent cannot be retired before it', async () => {
    const a = await seat('demo-admin');
    await a.page.getByRole('link', { name: '派单目录' }).click();
    const create = card(a, '新增分类');
    await create.getByLabel('关键词').fill('单车');
    await create.getByLabel('关键词').press('Enter');
    await create.getByRole('button', { name: '新增' }).click();
    await create.getByText('请填写名称').waitFor();
    await create.getByLabel('名称').fill('共享单车管理');
    await create.getByRole('button', { name: '新增' }).click();
    const editor = card(a, '共享单车管理');
    await editor.waitFor();
    const code = (await editor.locator('.ant-card-head-title').innerText()).split(' ')[0];
    expect(code).toMatch(/^\d{2}$/);

    await pick(a, create.getByLabel('上级分类'), `${code} 共享单车管理`);
    await create.getByLabel('名称').fill('单车乱停放');
    await create.getByRole('button', { name: '新增' }).click();
    const child = card(a, '单车乱停放');
    await child.waitFor();
    await child.getByRole('button', { name: '添加派单规则' }).click();
    await pick(a, child.getByLabel('牵头单位'), '白银市城市管理局');
    await child.getByLabel('关键词').fill('乱停');
    await child.getByLabel('关键词').press('Enter');
    await child.getByRole('button', { name: '保存' }).click();
    await child.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await child.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: '白银市城市管理局' }).first().waitFor();
    await a.shot('p1-catalog-rule-saved');

    await a.page.locator(`[data-category="${code}"]`).getByRole('cell', { name: '共享单车管理' }).click();
    await card(a, '共享单车管理').getByRole('button', { name: '停用分类' }).click();
    await card(a, '共享单车管理').getByRole('alert').filter({ hasText: '请先停用下级分类' }).waitFor();
    await a.shot('p2-catalog-422');
  });

  it('when the admin writes a knowledge entry, then it is saved as a draft and published', async () => {
    const a = seats[0];
    await a.page.getByRole('link', { name: '知识库' }).click();
    const create = card(a, '新增知识条目');
    const answer = '共享单车乱停放可拨打 12345 或扫码反映，城管部门将在 2 个工作日内清理。';
    await create.getByLabel('答案').fill(answer);
    await create.getByRole('button', { name: '保存为草稿' }).click();
    await create.getByText('请填写问题').waitFor();
    expect(await create.getByLabel('答案').inputValue()).toBe(answer);
    await create.getByLabel('问题').fill('共享单车乱停放怎么反映？');
    await pick(a, create.getByLabel('所属单位'), '白银市城市管理局');
    await create.getByRole('button', { name: '保存为草稿' }).click();
    const editor = card(a, '知识条目');
    await editor.getByTestId('knowledge-status').filter({ hasText: '草稿' }).waitFor();
    await editor.getByRole('button', { name: '发布' }).click();
    await editor.getByTestId('knowledge-status').filter({ hasText: '已发布' }).waitFor();
    // Published: the operators' search finds it.
    await a.page.getByPlaceholder('搜索问题或答案').fill('共享单车乱停放');
    await a.page.getByPlaceholder('搜索问题或答案').press('Enter');
    await a.page.getByRole('cell', { name: '共享单车乱停放怎么反映？' }).waitFor();
    await a.shot('p3-knowledge-published');
  });

  it('when a supervisor drafts a case from a closed ticket, then personal data left blocks publishing until it is removed', async () => {
    const created = await stack.app.http
      .post('/api/admin/v1/tickets')
      .set('Authorization', `Bearer ${await token('demo-operator')}`)
      .send({ type: 'complaint', content: '四龙路12号楼下共享单车堆满人行道，电话13912345678，王建国反映。', callerPhone: '13912345678', callerName: '王建国', discloseIdentity: true })
      .expect(201);
    const no = (created.body as { ticket: { no: string } }).ticket.no;
    await act('demo-operator', no, 'accept', {});
    await act('demo-dispatcher', no, 'dispatch', { leadUnit: city.org.units.chengguan });
    await act('demo-chengguan', no, 'sign', {});
    await act('demo-chengguan', no, 'reply', { result: '已清理人行道上的共享单车，并通知运营企业定期巡查。' });
    await act('demo-operator', no, 'review', { approve: true });
    await act('demo-visitor', no, 'visit', { answered: true, satisfaction: 'satisfied', note: '满意' });

    const s = await seat('demo-supervisor');
    await s.page.getByRole('link', { name: '公开案例' }).click();
    const create = card(s, '从办结工单生成草稿');
    await create.getByLabel('工单编号（已办结）').fill(no);
    await create.getByLabel('标题').fill('人行道共享单车清理');
    await create.getByRole('button', { name: '生成草稿' }).click();
    const editor = card(s, '案例');
    await editor.getByTestId('case-status').filter({ hasText: '草稿' }).waitFor();
    const content = editor.getByLabel('诉求内容（已隐去个人信息）');
    expect(await content.inputValue()).not.toContain('13912345678');
    expect(await content.inputValue()).not.toContain('王建国');

    // The publisher adds a phone number back: the check says so, and publishing is refused.
    const typed = `${await content.inputValue()} 回访电话 13800001111`;
    await content.fill(typed);
    await editor.getByRole('button', { name: '保存修改' }).click();
    await editor.getByTestId('case-remaining').filter({ hasText: '电话 1' }).waitFor();
    await editor.getByRole('button', { name: '公开' }).click();
    await editor.getByTestId('case-publish-error').filter({ hasText: '电话' }).waitFor();
    expect(await content.inputValue()).toBe(typed);
    await s.shot('p4-case-personal-data');

    await content.fill(typed.replace(' 回访电话 13800001111', ''));
    await editor.getByRole('button', { name: '保存修改' }).click();
    await editor.getByTestId('case-remaining').filter({ hasText: '未发现' }).waitFor();
    await editor.getByRole('button', { name: '公开' }).click();
    await editor.getByTestId('case-status').filter({ hasText: '已公开' }).waitFor();
    await s.page.locator('.case-row').filter({ hasText: '人行道共享单车清理' }).filter({ hasText: '已公开' }).waitFor();
    await s.shot('p5-case-published');
  });

  it('when the admin adds a QR point without coordinates, then the form says so; completed, its poster downloads', async () => {
    const a = seats[0];
    await a.page.getByRole('link', { name: '码点' }).click();
    const create = card(a, '新增码点');
    await create.getByLabel('码点名称').fill('四龙路公交站');
    await create.getByLabel('地址').fill('白银区四龙路公交站台');
    await create.getByRole('button', { name: '新增' }).click();
    await create.getByRole('alert').filter({ hasText: '请按提示修改' }).waitFor();
    expect(await create.getByLabel('码点名称').inputValue()).toBe('四龙路公交站');
    await create.getByLabel('纬度').fill('36.5457');
    await create.getByLabel('经度').fill('104.1389');
    await create.getByRole('button', { name: '新增' }).click();
    await a.page.getByRole('cell', { name: '四龙路公交站', exact: true }).waitFor();
    const [poster] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('new-scene-poster').click()]);
    expect(poster.suggestedFilename()).toMatch(/\.svg$/);
    await a.shot('p6-scene-created');
  });

  it('when the admin resets a handler password to one containing the username, then the policy is said and the typed password kept', async () => {
    const a = seats[0];
    await a.page.getByRole('link', { name: '人员' }).click();
    await a.page.getByRole('cell', { name: 'demo-renminlu' }).click();
    const editor = card(a, '编辑人员：demo-renminlu');
    await editor.getByLabel('重置密码').fill('demo-renminlu-2026');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('密码不能包含用户名').first().waitFor();
    expect(await editor.getByLabel('重置密码').inputValue()).toBe('demo-renminlu-2026');
    await editor.getByLabel('重置密码').fill('Renmin-Road-2026x');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await a.shot('p7-staff-password-reset');
  });

  it('when the pages have run, then none threw an error', () => {
    expect(wb.errors).toEqual([]);
  });
});
