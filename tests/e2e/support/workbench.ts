import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './browser';
import { seedDemoCity, type DemoCity } from './demo-city';
import { startStack, type Stack } from './stack';

/** A staff member at the workbench: a desk (1280×800) or a unit handler's phone (375×812). */
export interface StaffSeat {
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot named `admin-<step>.png` under ARTIFACTS. */
  shot(step: string): Promise<void>;
  close(): Promise<void>;
}

export const DESK = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/** A fresh browser context (no shared storage) whose clock reads the stack's clock. */
export async function openSeat(browser: Browser, stack: Stack, viewport: { width: number; height: number }): Promise<StaffSeat> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const phone = viewport.width < 600;
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(stack.app.clock.now());
  return {
    context,
    page,
    shot: async (step) => {
      await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));
      await page.screenshot({ path: path.join(ARTIFACTS, `admin-${step}.png`), fullPage: false });
    },
    close: () => context.close(),
  };
}

export function demoPassword(city: DemoCity, username: string): string {
  const password = city.org.created.find((c) => c.username === username)?.password;
  if (!password) throw new Error(`demo account ${username} was not created`);
  return password;
}

/** Signs in through the workbench's login page and waits for the queues. */
export async function signIn(seat: StaffSeat, stack: Stack, username: string, password: string): Promise<void> {
  await seat.page.goto(`${stack.baseUrl}/admin/`);
  await seat.page.getByLabel('用户名').fill(username);
  await seat.page.getByLabel('密码').fill(password);
  await seat.page.getByRole('button', { name: '登录' }).click();
  await seat.page.getByTestId('who-name').waitFor();
}

/** The open action dialog. */
export const dialog = (seat: StaffSeat): Locator => seat.page.getByRole('dialog').filter({ visible: true });

/** Finite animations of the page played out (a dialog's zoom, a dropdown's slide). */
const animationsDone = (seat: StaffSeat): Promise<unknown> =>
  seat.page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));

/**
 * Opens an action's form from the ticket page's action bar, once the dialog has finished
 * opening: antd moves the focus into the dialog when its animation ends, which would close a
 * select opened before (a loaded machine plays the animation long enough for a test to do so).
 */
export async function startAction(seat: StaffSeat, action: string): Promise<Locator> {
  await seat.page.locator(`.action-bar button[data-action="${action}"]`).click();
  const d = dialog(seat);
  await d.waitFor();
  await animationsDone(seat);
  return d;
}

/**
 * Picks the option of an antd Select whose label is `text` (typed first when the select is
 * searchable), and checks the select shows it: a click that lands while the dropdown is still
 * opening can be lost on a loaded machine, and an optional field would then go out empty.
 */
export async function pick(seat: StaffSeat, field: Locator, text: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const label = new RegExp(`^\\s*${text}$`);
  const shows = async () => (await select.innerText()).split('\n').map((s) => s.trim()).includes(text);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    if (await field.isEditable()) await field.fill(text);
    // A dropdown that closed again (the focus moved) is opened anew rather than waited for.
    const clicked = await seat.page
      .locator('.ant-select-item-option')
      .filter({ hasText: label, visible: true })
      .first()
      .click({ timeout: attempt === 3 ? 15_000 : 4_000 })
      .then(() => true, (err: unknown) => (attempt === 3 ? Promise.reject(err) : false));
    if (clicked) for (let i = 0; i < 20 && !(await shows()); i++) await seat.page.waitForTimeout(50);
    if (await shows()) return;
    if (attempt === 3) throw new Error(`the select did not take "${text}"`);
    await animationsDone(seat);
  }
}

/** Submits the open action dialog and waits until it closes and the ticket shows `status`. */
export async function submitAction(seat: StaffSeat, status: string): Promise<void> {
  await dialog(seat).getByRole('button', { name: '提交' }).click();
  await dialog(seat).waitFor({ state: 'hidden' });
  await seat.page.getByTestId('ticket-status').filter({ hasText: status }).waitFor();
}

/**
 * Every queue tab of the seat: its badge (GET …/tickets/counts) equals the rows its list shows
 * (a first page holds 20; beyond that the list offers more).
 */
export async function expectQueueCounts(seat: StaffSeat): Promise<void> {
  const tabs = seat.page.locator('[data-queue][data-count]').filter({ visible: true });
  await tabs.first().waitFor();
  for (const key of new Set(await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-queue') as string)))) {
    const tab = seat.page.locator(`[data-queue="${key}"]`).filter({ visible: true });
    const count = Number(await tab.getAttribute('data-count'));
    await tab.click();
    await seat.page.locator('.ant-tabs-tab-active [data-queue="' + key + '"]').waitFor();
    const expected = Math.min(count, 20);
    // The list loads after the tab switches: wait for it to settle on the count (or time out and show the difference).
    await seat.page
      .waitForFunction((n) => !document.querySelector('.ant-spin-spinning') && document.querySelectorAll('.ticket-row').length === n, expected, { timeout: 5_000 })
      .catch(() => undefined);
    const rows = await seat.page.locator('.ticket-row').count();
    expect({ key, rows }).toEqual({ key, rows: expected });
  }
}

/**
 * One workbench test file's set-up, in one place: the stack on its profile with the demo city,
 * Chromium, the staff seats (their page errors collected in `errors`), API tokens and staff
 * actions through the real API. `start()` in beforeAll, `close()` in afterAll.
 */
export class Workbench {
  stack!: Stack;
  city!: DemoCity;
  browser!: Browser;
  readonly seats: StaffSeat[] = [];
  readonly errors: string[] = [];

  constructor(private readonly env: Record<string, string> = {}) {}

  start = async (): Promise<{ stack: Stack; city: DemoCity }> => {
    this.stack = await startStack(this.env);
    this.city = await seedDemoCity(this.stack);
    this.browser = await launchChromium();
    return { stack: this.stack, city: this.city };
  };

  close = async (): Promise<void> => {
    for (const s of this.seats) await s.close();
    await this.browser?.close();
    await this.stack?.close();
  };

  /** A demo account signed in at its own seat. */
  seat = async (username: string, viewport = DESK): Promise<StaffSeat> => {
    const s = await openSeat(this.browser, this.stack, viewport);
    s.page.on('pageerror', (e) => this.errors.push(`${username}: ${e.message}`));
    this.seats.push(s);
    await signIn(s, this.stack, username, demoPassword(this.city, username));
    return s;
  };

  /** A demo account's API token (the real staff login). */
  token = async (username: string): Promise<string> =>
    ((await this.stack.app.http.post('/api/admin/v1/auth/login').send({ username, password: demoPassword(this.city, username) }).expect(200)).body as { token: string }).token;

  /** One staff action through the API as `username`, the clock moved on five minutes first so the timeline reads in order. */
  act = async (username: string, no: string, action: string, body: object = {}): Promise<void> => {
    this.stack.app.clock.advance(5 * 60 * 1000);
    await this.stack.app.http.post(`/api/admin/v1/tickets/${no}/${action}`).set('Authorization', `Bearer ${await this.token(username)}`).send(body).expect(200);
  };

  /** The ticket page of `no` at this seat. */
  openTicket = async (s: StaffSeat, no: string): Promise<void> => {
    await s.page.goto(`${this.stack.baseUrl}/admin/tickets/${no}`);
    await s.page.getByTestId('ticket-no').waitFor();
  };
}
