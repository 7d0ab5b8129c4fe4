/**
 * A headless Chromium for the HTML report's tests: Debian's chromium at /usr/bin/chromium (the
 * setup installs it with scripts/ensure-chromium.sh when missing), driven by playwright-core,
 * with a fresh profile and no network features.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Where pages and the profile live; removed by close(). */
  dir: string;
  close(): Promise<void>;
}

/** Chromium, or the reason it cannot be had on this machine (the only reason to skip). */
export const launchBrowser = async (): Promise<Browser | { unavailable: string }> => {
  const ensure = spawnSync('bash', [join(REPO_ROOT, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', timeout: 600_000 });
  if (ensure.status !== 0 || !existsSync(CHROMIUM)) {
    const detail = (ensure.stderr || ensure.error?.message || '').trim();
    return { unavailable: `${CHROMIUM} is missing and scripts/ensure-chromium.sh could not install it${detail ? `: ${detail}` : ''}` };
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    // Not a reason to skip: the dev dependency belongs in package.json.
    throw new Error(`playwright-core is not installed (it is a devDependency; run npm install): ${(error as Error).message}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'census-html-'));
  const context = await playwright.chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  // Playwright's 30 s default per action is a speed budget a busy machine fails (the 5,000-file
  // page's clicks did). Only a guard against a hang is kept: ten minutes per action.
  context.setDefaultTimeout(600_000);
  return {
    context,
    dir,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export interface OpenedReport {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Dialogs (alert, confirm, prompt) that opened. */
  dialogs: string[];
}

let pageCounter = 0;

/** Writes `html` to a file and opens it from disk at `fragment`, once the page says it is ready. */
export const openReport = async (browser: Browser, html: string, fragment = ''): Promise<OpenedReport> => {
  const file = join(browser.dir, `report-${++pageCounter}.html`);
  writeFileSync(file, html);
  const page = await browser.context.newPage();
  const opened: OpenedReport = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(String(e)));
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${pathToFileURL(file).href}${fragment}`);
  await page.waitForSelector('body[data-ready="true"]');
  return opened;
};

/** Moves to another fragment in the same page and waits until it is drawn. */
export const navigate = async (page: Page, fragment: string): Promise<void> => {
  const before = await page.evaluate(() => Number(document.body.dataset.renders));
  await page.evaluate((f) => {
    location.hash = f;
  }, fragment);
  await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before);
};

/** Waits for the next render after `action` (a click that changes the route). */
export const afterRender = async (page: Page, action: () => Promise<void>): Promise<void> => {
  const before = await page.evaluate(() => Number(document.body.dataset.renders));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before);
};

export const texts = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
