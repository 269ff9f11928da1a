import { afterAll, beforeAll, expect } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_NOW } from './clock';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (.ci/run does this).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start.');
    return browser;
  };
}

/** Where the browser suites write their screenshots, to be looked at by a person. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/e2e', import.meta.url));

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  /** The page's locale (numbers and dates in the app follow it), e.g. 'de-DE'; Chromium's own when absent. */
  locale?: string;
  /** Playwright's wait for each step; a step that cannot happen then fails with its own message, not the test's timeout. */
  stepTimeout?: number;
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * The one place a browser test makes a page: the same desktop viewport everywhere, the
 * page's date pinned to the tests' day (the demo plans the tests create are built on that
 * day too, through the pinned backend clock, so "this week" agrees on both sides whatever
 * the machine's date), errors thrown in the page collected (`closeWithoutErrors` checks
 * them), then `url` opened.
 */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.stepTimeout) page.setDefaultTimeout(options.stepTimeout);
  // Only Date is pinned: timers, animation frames and performance.now stay the browser's own,
  // so drags, debounces and frame measures run as they do for a user.
  await page.clock.setFixedTime(TEST_NOW);
  await page.goto(url);
  return page;
}

/** Fails the test if the page threw, then closes it. */
export async function closeWithoutErrors(page: Page): Promise<void> {
  expect(pageErrors.get(page) ?? [], 'errors thrown in the page').toEqual([]);
  await page.close();
}

/** Saves what the page shows as test-output/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
