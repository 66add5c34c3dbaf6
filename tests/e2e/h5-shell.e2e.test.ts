import { openPhone, type Phone } from './support/browser';
import { switchNamed } from './support/citizen';
import { startStack, type Stack } from './support/stack';

/**
 * The h5 build served by the BFF, in headless Chromium: the citizen's first minute. The full
 * closed loop (submit, staff actions, rating) lives in its own e2e file.
 */
/** Taro's h5 router keeps earlier pages in the DOM (hidden): look only at what the citizen sees. */
const visible = (phone: Phone, text: string) => phone.page.getByText(text, { exact: true }).filter({ visible: true });

describe('h5 app in a browser', () => {
  let stack: Stack;
  let phone: Phone;
  const errors: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    phone = await openPhone('h5-shell');
    phone.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await phone?.close();
    await stack?.close();
  });

  it('when the home page opens, then 我要反映 and the other entries are there and no script fails', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/`, { waitUntil: 'networkidle' });
    await visible(phone, '我要反映').waitFor();
    for (const entry of ['我的诉求', '政策问答', '办理案例', '大字模式']) await visible(phone, entry).waitFor();
    await phone.shot('01-home');
    expect(errors).toEqual([]);
  });

  it('when large-text mode is switched on, then the text grows and stays large after a reload', async () => {
    const size = () => phone.page.locator('.hero__title').filter({ visible: true }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await switchNamed(phone, '大字模式').click();
    await phone.page.waitForFunction((min) => Array.from(document.querySelectorAll('.hero__title')).some((el) => parseFloat(getComputedStyle(el).fontSize) > min), before * 1.15);
    await phone.page.reload({ waitUntil: 'networkidle' });
    await visible(phone, '我要反映').waitFor();
    expect(await size()).toBeGreaterThan(before * 1.15);
    await phone.shot('02-large-text');
    await switchNamed(phone, '大字模式').click();
  });

  it('when a scan link has an unknown scene, then the page says so plainly and offers the plain form', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/?scene=nosuch01`, { waitUntil: 'networkidle' });
    await visible(phone, '这个码牌已失效或不存在').waitFor();
    await phone.shot('03-unknown-scene');
    await visible(phone, '直接反映').click();
    await visible(phone, '1. 您要反映什么类型的事？').waitFor();
    expect(phone.page.url()).toContain('/h5/pages/submit/index');
  });

  it('when submit is pressed on an empty form, then each missing part is named in Chinese', async () => {
    await visible(phone, '提交').click();
    await visible(phone, '请选择您要反映的类型').waitFor();
    await visible(phone, '请先阅读并同意隐私保护指引').waitFor();
    await phone.shot('04-submit-errors');
    expect(errors).toEqual([]);
  });
});
