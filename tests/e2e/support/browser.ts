import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium by default; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of every step land here (git-ignored), kept as test artefacts. */
export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/e2e');

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot named `<suite>-<step>.png` under ARTIFACTS. */
  shot(step: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium dressed as a cheap phone (390×844, touch, zh-CN), in a fresh profile
 * directory so no storage leaks between tests (launchPersistentContext needs its own dir), with
 * a fake microphone for voice notes.
 */
export async function openPhone(suite: string): Promise<Phone> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mashang-e2e-profile-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // A fake microphone that is always allowed: the voice note records a real (synthetic) sound.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Every wait is for a selector or a response; 15 s is far beyond any step, and fails fast.
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    shot: async (step) => {
      // Taro's h5 router slides pages in: wait for the finite animations (not spinners) to end.
      await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));
      await page.screenshot({ path: path.join(ARTIFACTS, `${suite}-${step}.png`) });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
