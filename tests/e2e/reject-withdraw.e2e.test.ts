import { REJECT_REASON_LABELS, STATUS_LABELS } from '@mashang/shared';
import { openPhone, type Phone } from './support/browser';
import { fillForm, openDetail, shown, submitForm, switchNamed, visible } from './support/citizen';
import { seedDemoCity, staffAct, type DemoCity } from './support/demo-city';
import { startStack, type Stack } from './support/stack';

/**
 * The other endings, in headless Chromium on the h5 build: a request the platform does not
 * accept shows why (002 §18), a citizen withdraws one after confirming, and large-text mode
 * enlarges the detail page without pushing anything off the side of the screen.
 */
describe('reject, withdraw and large text in a browser', () => {
  let stack: Stack;
  let city: DemoCity;
  let phone: Phone;
  const errors: string[] = [];
  let rejected = '';

  beforeAll(async () => {
    stack = await startStack();
    city = await seedDemoCity(stack);
    phone = await openPhone('reject-withdraw');
    phone.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await phone?.close();
    await stack?.close();
  });

  it('when the platform does not accept a request the citizen agreed to be known on, then it is not confidential and the page shows the reason, the note, the consent and no withdraw button', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    await fillForm(phone, { type: 'complaint', content: '我和装修公司的合同纠纷法院已经立案了，请政府出面让装修公司先把钱退给我。', contact: { name: '李阿姨', phone: '13800001111' }, disclose: true });
    rejected = await submitForm(phone);
    const filed = await stack.app.http.get(`/api/admin/v1/tickets/${rejected}`).set('Authorization', `Bearer ${city.tokens.operator}`).expect(200);
    expect((filed.body as { ticket: { confidential: boolean } }).ticket.confidential).toBe(false);
    await staffAct(stack, city, 'operator', rejected, 'reject', { reasonCode: 'legal-procedure', note: '法院已立案受理，请在诉讼中主张退款。' });
    await openDetail(phone, stack.baseUrl, rejected);
    await visible(phone, '不予受理的原因').waitFor();
    await visible(phone, `${REJECT_REASON_LABELS['legal-procedure']}：法院已立案受理，请在诉讼中主张退款。`).waitFor();
    await shown(phone, '.chip').filter({ hasText: STATUS_LABELS.rejected }).waitFor();
    expect(await visible(phone, '撤回这件诉求').count()).toBe(0);
    await visible(phone, '您已同意提供给承办单位').waitFor();
    await phone.shot('01-rejected-reason');
  });

  it('when the citizen withdraws, then a confirmation comes first; 再想想 keeps the request, 确定撤回 ends it', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    await fillForm(phone, { type: 'suggestion', content: '建议在四龙路公园多装几把带靠背的长椅，方便老人歇脚。' });
    const no = await submitForm(phone);
    await visible(phone, '查看办理进度').click();
    await visible(phone, '撤回这件诉求').click();
    await visible(phone, '确定撤回吗？').waitFor();
    await phone.shot('02-withdraw-confirm');
    await visible(phone, '再想想').click();
    await visible(phone, '确定撤回吗？').waitFor({ state: 'hidden' });
    expect((await stack.app.http.get(`/api/admin/v1/tickets/${no}`).set('Authorization', `Bearer ${city.tokens.operator}`).expect(200)).body.ticket.status).toBe('submitted');
    await visible(phone, '撤回这件诉求').click();
    await visible(phone, '确定撤回').click();
    await shown(phone, '.chip').filter({ hasText: STATUS_LABELS.withdrawn }).waitFor();
    await visible(phone, '撤回这件诉求').waitFor({ state: 'hidden' });
    await phone.shot('03-withdrawn');
  });

  it('when large-text mode is on, then the detail page reads larger and nothing runs off the right edge', async () => {
    await openDetail(phone, stack.baseUrl, rejected);
    const bodySize = () => shown(phone, '.content-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await bodySize();
    await phone.page.goto(`${stack.baseUrl}/h5/`);
    await switchNamed(phone, '大字模式').click();
    await openDetail(phone, stack.baseUrl, rejected);
    expect(await bodySize()).toBeGreaterThan(before * 1.2);
    // Long Chinese lines wrap inside the screen: no sideways scrolling for old hands.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The ticket number is read out to 12345 staff: it stays on one line, never cut in its digits.
    const numberLines = await visible(phone, rejected).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    });
    expect(numberLines).toBe(1);
    await phone.shot('04-large-text-detail');
    expect(errors).toEqual([]);
  });
});
