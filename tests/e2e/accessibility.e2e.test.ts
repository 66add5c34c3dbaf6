import { createTicketSchema, STATUS_LABELS } from '@mashang/shared';
import { seedDemoTickets } from '../../bff/src/seed/demo-tickets';
import { axeViolations } from './support/axe';
import { openPhone, type Phone } from './support/browser';
import { DISCLOSE_IDENTITY_TITLE } from '../../miniapp/src/features/submit/form';
import { shown, switchNamed, visible } from './support/citizen';
import { seedDemoCity, staffAct, type DemoCity } from './support/demo-city';
import { startStack, staffToken, type Stack } from './support/stack';

/**
 * Issue 19 item 2, for an elderly citizen: axe-core (WCAG 2.1 A and AA) finds nothing on the six
 * pages a citizen uses most, and at 200% text every page stays usable — no button cuts its
 * label, nothing runs off the side of the screen. The browser is the demo citizen (the one with
 * the demo city's ten requests), so 我的诉求 has real cards to check.
 */
describe('accessibility of the citizen pages in a browser', () => {
  let stack: Stack;
  let city: DemoCity;
  let phone: Phone;
  const errors: string[] = [];

  /** The six pages of the issue, each with what proves it finished loading. */
  const pages = (): Array<{ name: string; path: string; ready: (p: Phone) => Promise<unknown> }> => [
    { name: 'home', path: '/h5/', ready: (p) => visible(p, '我要反映').waitFor() },
    { name: 'scan', path: '/h5/pages/scan/index?scene=demo-renminlu', ready: (p) => visible(p, '开始反映').waitFor() },
    { name: 'submit', path: '/h5/pages/submit/index', ready: (p) => visible(p, '1. 您要反映什么类型的事？').waitFor() },
    { name: 'mine', path: '/h5/pages/mine/index', ready: (p) => shown(p, '.ticket-card').waitFor() },
    { name: 'knowledge-search', path: `/h5/sub/knowledge/search/index?q=${encodeURIComponent('路灯不亮')}`, ready: (p) => shown(p, '.knowledge-item').waitFor() },
    { name: 'public-cases', path: '/h5/sub/knowledge/cases/index', ready: (p) => visible(p, /办理结果：/).first().waitFor() },
  ];

  beforeAll(async () => {
    stack = await startStack();
    city = await seedDemoCity(stack);
    await seedDemoTickets(stack.app.deps, city.org);
    await publishACase(stack, city);
    phone = await openPhone('accessibility');
    phone.page.on('pageerror', (e) => errors.push(e.message));
    // The browser logs in as the demo citizen (before the app's first login; Taro's h5 storage wraps each value as {data}).
    await phone.context.addInitScript(() => {
      if (!localStorage.getItem('mashang:device-code')) localStorage.setItem('mashang:device-code', JSON.stringify({ data: JSON.stringify('demo-resident') }));
    });
  });
  afterAll(async () => {
    await phone?.close();
    await stack?.close();
  });

  it.each(['home', 'scan', 'submit', 'mine', 'knowledge-search', 'public-cases'])('when axe checks the %s page, then it reports no WCAG 2.1 A/AA violation', async (name) => {
    const page = pages().find((p) => p.name === name);
    if (!page) throw new Error(`no page ${name}`);
    await phone.page.goto(`${stack.baseUrl}${page.path}`, { waitUntil: 'networkidle' });
    await page.ready(phone);
    await phone.shot(`axe-${name}`);
    expect(await axeViolations(phone.page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('when the submit page asks who may see the name and phone, then the switch is named, off and explained; for 举报 a note replaces it; axe finds nothing either way', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`, { waitUntil: 'networkidle' });
    const consent = switchNamed(phone, DISCLOSE_IDENTITY_TITLE);
    await consent.waitFor();
    expect(await consent.isChecked()).toBe(false);
    await visible(phone, /^不打开：承办单位看不到您的姓名和电话/).waitFor();
    expect(await visible(phone, '为我保密').count()).toBe(0);
    expect(await axeViolations(phone.page)).toEqual([]);
    await shown(phone, '.type-option[data-type="report"]').click();
    await visible(phone, '举报人的姓名和电话一律保密').waitFor();
    expect(await switchNamed(phone, DISCLOSE_IDENTITY_TITLE).count()).toBe(0);
    await phone.shot('axe-submit-report');
    expect(await axeViolations(phone.page)).toEqual([]);
    await forgetDraft(phone, stack.baseUrl);
    expect(errors).toEqual([]);
  });

  it('when the text is at 200% in large-text mode, then on every page no button cuts its label and nothing runs off the screen', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/`, { waitUntil: 'networkidle' });
    await switchNamed(phone, '大字模式').click();
    const problems: string[] = [];
    for (const page of pages()) {
      await phone.page.goto(`${stack.baseUrl}${page.path}`, { waitUntil: 'networkidle' });
      await page.ready(phone);
      await doubleText(phone);
      await phone.shot(`200pct-${page.name}`);
      problems.push(...(await layoutProblems(phone)).map((p) => `${page.name}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('when the demo citizen opens 我的诉求, then the cards carry the demo statuses (the login as the demo citizen worked)', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/mine/index`);
    await phone.page.locator('.chip').filter({ hasText: STATUS_LABELS.closed, visible: true }).first().waitFor();
  });
});

/** Leaves the page (its autosave timer dies with it), then drops the draft it may have saved. */
async function forgetDraft(phone: Phone, baseUrl: string): Promise<void> {
  await phone.page.goto(`${baseUrl}/h5/`);
  await phone.page.evaluate(() => localStorage.removeItem('mashang:submit-draft'));
}

/** A request walked round the loop to 已办结, drafted as a public case and published (004 §15). */
async function publishACase(stack: Stack, city: DemoCity): Promise<void> {
  const login = await stack.app.http.post('/api/v1/auth/wechat').send({ code: 'a11y-case' }).expect(200);
  const citizen = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
  // Only a request that is not confidential can be published: where the contract has the explicit
  // consent to be known to the units (004 §14, discloseIdentity), the citizen gives it.
  const consent = 'discloseIdentity' in createTicketSchema.shape ? { discloseIdentity: true } : { confidential: false };
  const body = { type: 'suggestion', content: '建议在人民路公交站加装遮阳棚，夏天等车的老人晒得受不了。', attachments: [], location: { address: '白银区人民路公交站' }, ...consent, idempotencyKey: 'a11y-case-000000001' };
  const created = await stack.app.http.post('/api/v1/tickets').set(citizen).send(body).expect(201);
  const no = (created.body as { ticket: { no: string } }).ticket.no;
  await staffAct(stack, city, 'operator', no, 'accept');
  await staffAct(stack, city, 'dispatcher', no, 'dispatch', { leadUnit: city.org.units.renminluStreet });
  await staffAct(stack, city, 'renminluHandler', no, 'sign');
  await staffAct(stack, city, 'renminluHandler', no, 'reply', { result: '已在人民路公交站加装遮阳棚和两把座椅。' });
  await staffAct(stack, city, 'operator', no, 'review', { approve: true });
  await stack.app.http.post(`/api/v1/tickets/${no}/rate`).set(citizen).send({ satisfaction: 'satisfied' }).expect(200);
  const auth = { Authorization: `Bearer ${await staffToken(stack)}` };
  const draft = await stack.app.http.post('/api/admin/v1/cases').set(auth).send({ ticketNo: no, title: '公交站加装遮阳棚' }).expect(201);
  await stack.app.http.post(`/api/admin/v1/cases/${(draft.body as { case: { id: string } }).case.id}/publish`).set(auth).expect(200);
}

/**
 * 200% text as a browser's text zoom gives it: Taro's h5 sizes everything in rem off the root
 * font size it sets for the screen width, so doubling the root doubles every text.
 */
async function doubleText(phone: Phone): Promise<void> {
  await phone.page.evaluate(() => {
    const root = document.documentElement;
    const base = root.dataset.baseFontSize ?? getComputedStyle(root).fontSize;
    root.dataset.baseFontSize = base;
    root.style.setProperty('font-size', `${parseFloat(base) * 2}px`, 'important');
  });
  await phone.page.waitForTimeout(0);
}

/** Buttons whose label is cut (clipped or squeezed out) and elements wider than the screen. */
function layoutProblems(phone: Phone): Promise<string[]> {
  return phone.page.evaluate(() => {
    const out: string[] = [];
    const seen = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} 「${(el.textContent ?? '').trim().slice(0, 16)}」`;
    for (const el of Array.from(document.querySelectorAll('button, taro-button-core, [role="button"], [role="tab"], [role="radio"], input, textarea'))) {
      if (!seen(el)) continue;
      const box = el as HTMLElement;
      if (box.scrollWidth > box.clientWidth + 2 && getComputedStyle(box).overflowX !== 'visible') out.push(`clipped across: ${label(el)}`);
      if (box.scrollHeight > box.clientHeight + 2 && getComputedStyle(box).overflowY !== 'visible' && !['INPUT', 'TEXTAREA'].includes(el.tagName)) out.push(`clipped down: ${label(el)}`);
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 || r.left < -1) out.push(`off the screen: ${label(el)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px on ${window.innerWidth}px)`);
    return out;
  });
}
