/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newWebContext, WebContext } from './browser/browser';
import { startWebStack, WebStack } from './browser/web-stack';

/**
 * The wallet, the desk and the console in a real Chromium against `npm start`'s stack and demo,
 * found on the page as a person (or a screen reader) finds them: by role and accessible name.
 * SAVE_SCREENSHOTS=1 refreshes the README's screenshots (docs/screenshots).
 */
const SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SAVE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('the web app in Chromium', () => {
  let stack: WebStack;
  let browser: Browser;
  let web: WebContext;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    web = await newWebContext(browser, stack.origin);
  });
  afterEach(async () => {
    await web.context.close();
    expect(web.foreignRequests).toEqual([]);
  });

  const demoPass = (holder: string) => stack.demo.passes!.find((pass) => pass.holder === holder)!;

  it('a holder logs in and sees a QR code that is replaced before it expires, offline says so, and the printed code downloads', async () => {
    const { page, context } = web;
    const nina = demoPass('nina@toulouse.demo');
    await page.clock.install();
    await page.goto('/wallet/?lang=en');
    await logIn(page, 'nina@toulouse.demo', 'passerelle-demo');

    const pass = page.getByRole('article').filter({ has: page.getByRole('heading', { name: nina.product }) });
    const qr = pass.getByRole('img', { name: `QR code for pass ${nina.serial}` });
    await qr.waitFor();
    await screenshot(page, 'wallet');
    const first = await qr.getAttribute('src');

    // A rotating code lasts a minute: 46 s on, the page has fetched the next one, before the first expires.
    await page.clock.fastForward(46_000);
    await page.waitForFunction(
      ({ name, previous }) => document.querySelector<HTMLImageElement>(`img[alt="${name}"]`)?.src !== previous,
      { name: `QR code for pass ${nina.serial}`, previous: first },
    );
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    const download = page.waitForEvent('download');
    await pass.getByRole('button', { name: 'Download printed code' }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toBe(`passerelle-${nina.serial}.png`);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');

    await context.setOffline(true);
    await page.clock.fastForward(46_000);
    await pass.getByText('Offline: show your serial or printed code.').waitFor();
    expect(await pass.getByText(nina.serial).count()).toBeGreaterThan(0);
  });
});
