import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { findChromium } from './find-chromium';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, no calls home. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** A headless Chromium; `fakeCamera` is a Y4M file the page's camera films in a loop. */
export async function launchChromium(options: { fakeCamera?: string } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: set CHROME_PATH or install one (apt-get install -y chromium).');
  const camera = options.fakeCamera
    ? [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${options.fakeCamera}`,
      ]
    : [];
  return chromium.launch({ executablePath, headless: true, args: [...ARGS, ...camera] });
}

export interface WebContext {
  context: BrowserContext;
  page: Page;
  /** Every request the pages tried to send to another host than 127.0.0.1 (all refused). */
  foreignRequests: string[];
}

/**
 * A fresh browser profile (no storage, no service worker) whose pages may talk to 127.0.0.1 only:
 * anything else is refused and recorded, so that a test can assert the app never calls out.
 */
export async function newWebContext(browser: Browser, baseURL: string, lang: 'en' | 'fr' = 'en'): Promise<WebContext> {
  const context = await browser.newContext({
    baseURL,
    locale: lang === 'en' ? 'en-GB' : 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 390, height: 844 },
    acceptDownloads: true,
  });
  const foreignRequests: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      foreignRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  return { context, page, foreignRequests };
}
