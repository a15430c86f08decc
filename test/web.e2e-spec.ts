/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newWebContext, WebContext } from './browser/browser';
import { startWebStack, WebStack } from './browser/web-stack';
import { writeQrVideo } from './browser/y4m';

const MY_QR = 'query { myPasses { id serial qr { token } } }';

/**
 * The wallet, the desk and the console in a real Chromium against a stack with `npm start`'s demo,
 * found on the page as a person (or a screen reader) finds them: by role and accessible name.
 * SAVE_SCREENSHOTS=1 refreshes the README's screenshots (docs/screenshots).
 */
const SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SAVE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The rotating QR token the holder's wallet would show now, as a camera or a barcode reader reads it. */
async function qrToken(stack: WebStack, holder: string): Promise<string> {
  const { myPasses } = await stack.gql<{ myPasses: Array<{ qr: { token: string } }> }>(
    MY_QR,
    {},
    await stack.logIn(holder),
  );
  return myPasses[0].qr.token;
}

async function pairDesk(page: Page, token: string): Promise<void> {
  await page.goto('/desk/?lang=en');
  await page.getByLabel('Scanner token').fill(token);
  await page.getByRole('button', { name: 'Pair this device' }).click();
  await page.getByRole('button', { name: 'Scan with camera' }).waitFor();
}

async function checkIn(page: Page, typed: string): Promise<void> {
  await page.getByLabel('Pass serial').fill(typed);
  await page.getByRole('button', { name: 'Check in' }).click();
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

  it('a newcomer signs up in the wallet, is asked to check the mailbox, and the mailed link verifies the account once logged in', async () => {
    const { page } = web;
    const email = `newcomer-${Date.now()}@example.org`;
    await page.goto('/wallet/?lang=en');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Display name').fill('Camille');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    const banner = page.getByRole('region', { name: 'Address to confirm' });
    await banner.getByText(`Check your mailbox: open the link sent to ${email}`).waitFor();

    // The link is used by the account it was sent to: opened logged out, the page asks to log in first.
    await page.getByRole('button', { name: 'Log out' }).click();
    const link = await mailedLink(stack, email, 'verify-email');
    expect(new URL(link).pathname).toBe('/wallet/verify-email');
    await page.goto(link);
    await page.getByText('Log in to the account this link was sent to').waitFor();
    await logIn(page, email, 'a long password');
    await page.getByRole('status').getByText('Your address is confirmed.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/wallet/');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('You have no pass yet').waitFor();
    expect(await banner.count()).toBe(0);
    const { me } = await stack.gql<{ me: { emailVerified: boolean } }>(
      '{ me { emailVerified } }',
      {},
      await logInAs(stack, email, 'a long password'),
    );
    expect(me.emailVerified).toBe(true);
  });

  it('a holder who forgot the password asks for a link, sets a new one from the mail and is logged in', async () => {
    const { page } = web;
    const email = `forgetful-${Date.now()}@example.org`;
    await stack.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }', {
      input: { email, password: 'the old password', displayName: 'Dominique', locale: 'en' },
    });
    await page.goto('/wallet/?lang=en');
    await page.getByRole('button', { name: 'Forgot password' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText('If an account has this address').waitFor();

    const link = await mailedLink(stack, email, 'reset-password');
    await page.goto(link);
    await page.getByLabel('New password').fill('the new password');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByRole('heading', { name: 'Dominique' }).waitFor();
    await page.getByText('You have no pass yet').waitFor();
    // The reset proved the mailbox too: no banner asks to confirm the address.
    expect(await page.getByRole('region', { name: 'Address to confirm' }).count()).toBe(0);
    await logInAs(stack, email, 'the new password');

    // A link works once: opened again, the page says so in the API's words.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto(link);
    await page.getByLabel('New password').fill('another new password');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByRole('alert').getByText('This link has already been used').waitFor();
  });

  it('someone invited as operator by mail signs up from the link in the console and has the role at once', async () => {
    const { page } = web;
    const email = `new-operator-${Date.now()}@example.org`;
    const { network } = await stack.gql<{ network: { spaces: Array<{ id: string; name: string }> } }>(
      '{ network(slug: "toulouse") { spaces { id name } } }',
    );
    await stack.gql(
      'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role } }',
      { input: { email, role: 'SPACE_OPERATOR', spaceId: network.spaces.find((s) => s.name === 'La Cantine')!.id } },
      await stack.logIn('cantine@toulouse.demo'),
    );
    const link = new URL(await mailedLink(stack, email, 'sign-up'));
    expect(link.pathname).toBe('/console/sign-up');
    link.searchParams.set('lang', 'en');
    await page.goto(link.toString());
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('Display name').fill('Sacha');
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('link', { name: 'Scanners' }).waitFor();
    expect(await page.getByRole('region', { name: 'Address to confirm' }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/console/');
  });

  it('a partner developer opens GraphiQL from the landing page and runs a query, with nothing from another host', async () => {
    const { page } = web;
    await page.goto('/?lang=en');
    // GraphiQL runs a query once it has read the schema: wait for its introspection's answer.
    const schemaRead = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('__schema'),
    );
    await page.getByRole('link', { name: 'Try the API in GraphiQL' }).click();
    await page.waitForURL('**/graphiql/');
    expect((await schemaRead).status()).toBe(200);
    // The query editor loads after the page (GraphiQL imports CodeMirror on demand), and a click on
    // Execute before it exists runs nothing: wait until it shows the first query.
    await page.locator('.graphiql-query-editor').getByText('query Directory').first().waitFor();
    const answered = page.waitForResponse((response) => !!response.request().postData()?.includes('Directory'));
    await page.getByRole('button', { name: /Execute query/ }).click();
    // Its first query is the public directory: the answer, through the gateway, names the demo network,
    // and GraphiQL shows it.
    const answer = await answered;
    expect(answer.status()).toBe(200);
    const { data } = (await answer.json()) as { data: { networks: Array<{ name: string }> } };
    expect(data.networks.map((network) => network.name)).toContain('Coworking Toulouse');
    await page.locator('.graphiql-response').getByText('"networks"').waitFor();
  });

  it('a desk pairs, reads the holder’s QR code from the camera and accepts it, then shows the repeat', async () => {
    const nina = demoPass('nina@toulouse.demo');
    const scanner = stack.demo.scanners.find((s) => s.space === 'La Cantine')!.token;
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-camera-'));
    const video = join(dir, 'qr.y4m');
    writeQrVideo(video, await qrToken(stack, nina.holder));
    const filming = await launchChromium({ fakeCamera: video });
    const camera = await newWebContext(filming, stack.origin);
    try {
      await camera.context.grantPermissions(['camera'], { origin: stack.origin });
      const { page } = camera;
      await pairDesk(page, scanner);

      await page.getByRole('button', { name: 'Scan with camera' }).click();
      const status = page.getByRole('status');
      await status.getByText('ACCEPTED', { exact: true }).waitFor();
      await status.getByText('Nina (nomade)').waitFor();
      await page.getByRole('list', { name: "Today's visitors" }).getByText('Nina (nomade)').waitFor();
      await screenshot(page, 'desk');

      await page.getByRole('button', { name: 'Scan with camera' }).click();
      await status.getByText('Already checked in today').waitFor();
      expect(await status.innerText()).toMatch(/already/i);
      expect(camera.foreignRequests).toEqual([]);
    } finally {
      await camera.context.close();
      await filming.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a desk lists today's visitors from the API, newest first, those checked in by another desk of the space too", async () => {
    const { page } = web;
    const cantine = await stack.logIn('cantine@toulouse.demo');
    const { network } = await stack.gql<{ network: { spaces: Array<{ id: string; name: string }> } }>(
      '{ network(slug: "toulouse") { spaces { id name } } }',
    );
    const spaceId = network.spaces.find((s) => s.name === 'La Cantine')!.id;
    const { registerScanner } = await stack.gql<{ registerScanner: { token: string } }>(
      'mutation ($input: RegisterScannerInput!) { registerScanner(input: $input) { token } }',
      { input: { spaceId, name: 'Second desk' } },
      cantine,
    );
    for (const holder of ['sam@toulouse.demo', 'hugo@toulouse.demo']) {
      await stack.gql(
        'mutation ($input: CheckInInput!) { checkIn(input: $input) { status } }',
        { input: { spaceId, credential: demoPass(holder).serial, idempotencyKey: `other-desk-${holder}` } },
        registerScanner.token,
      );
    }
    // A fresh device: nothing it checked in itself, so every name comes from the API.
    await pairDesk(page, stack.demo.scanners.find((s) => s.space === 'La Cantine')!.token);
    const visitors = page.getByRole('list', { name: "Today's visitors" });
    await visitors.getByText('Hugo (crédits)').waitFor();
    const names = await visitors.getByRole('listitem').allInnerTexts();
    const at = (name: string) => names.findIndex((line) => line.includes(name));
    expect(at('Sam (salarié)')).toBeGreaterThan(at('Hugo (crédits)'));
  });

  it('a desk offline checks codes on the device, keeps its queue through a reload, and uploads it once online', async () => {
    const { page, context } = web;
    const scanner = stack.demo.scanners.find((s) => s.space === 'La Serre')!.token;
    await pairDesk(page, scanner);
    // The service worker must hold the pages before the network goes, or the reload below has nothing to show.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const hugo = await qrToken(stack, 'hugo@toulouse.demo');
    const lea = await qrToken(stack, 'lea@toulouse.demo');
    const [header, payload, signature] = lea.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 3600 })).toString('base64url'),
      signature,
    ].join('.');

    await context.setOffline(true);
    const status = page.getByRole('status');
    await checkIn(page, hugo);
    await status.getByText('SAVED OFFLINE', { exact: true }).waitFor();
    await checkIn(page, forged);
    await status.getByText('REFUSED', { exact: true }).waitFor();
    await status.getByText('Forged code, or unknown to this network: refused on this device.').waitFor();
    await checkIn(page, lea);
    await status.getByText('SAVED OFFLINE', { exact: true }).waitFor();
    await page.getByText('Offline — 2 scans waiting').waitFor();

    await page.reload();
    await page.getByText('Offline — 2 scans waiting').waitFor();
    await screenshot(page, 'desk-offline');

    await context.setOffline(false);
    const uploaded = page.getByRole('list', { name: 'Uploaded scans' });
    await uploaded.getByText('Hugo (crédits) — ACCEPTED').waitFor();
    await uploaded.getByText('Léa (membre de La Serre) — ACCEPTED').waitFor();
    await page.getByText('scans waiting').waitFor({ state: 'detached' });

    // The console of La Serre's operator shows the two visits of today, and no third.
    await page.goto('/console/?lang=en');
    await logIn(page, 'serre@toulouse.demo', 'passerelle-demo');
    const rows = page.getByRole('row');
    await rows.filter({ hasText: demoPass('hugo@toulouse.demo').serial }).waitFor();
    await rows.filter({ hasText: demoPass('lea@toulouse.demo').serial }).waitFor();
    await page.getByText('2 visit(s)').waitFor();
  });

  it('an operator voids a visit, reads the month and downloads its CSV', async () => {
    const { page } = web;
    const month = stack.demo.visitsMonth!;
    await page.goto('/console/?lang=en');
    await logIn(page, 'cantine@toulouse.demo', 'passerelle-demo');
    await page.getByRole('link', { name: 'Visits' }).click();
    await page.getByRole('heading', { name: 'Visits', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Month' }).fill(month);
    const voidButtons = page
      .getByRole('table', { name: `Visits of ${month}` })
      .getByRole('button', { name: 'Void', exact: true });
    await voidButtons.first().waitFor();
    const before = await voidButtons.count();
    await voidButtons.first().click();
    await page.getByLabel('Reason').fill('Scanned twice by mistake');
    await page.getByRole('button', { name: 'Confirm void' }).click();
    await page.getByRole('cell', { name: 'Voided' }).waitFor();
    expect(await voidButtons.count()).toBe(before - 1);
    expect(await page.getByRole('cell', { name: 'Voided' }).count()).toBe(1);
    await page.setViewportSize({ width: 1024, height: 720 });
    await screenshot(page, 'console');

    await page.getByRole('link', { name: 'Month' }).click();
    await page.getByRole('heading', { name: 'Month', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Month' }).fill(month);
    await page.getByRole('table', { name: 'Statements' }).getByRole('cell', { name: 'La Cantine' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect((await download).suggestedFilename()).toBe(`passerelle-coworking-toulouse-${month}.csv`);
    expect(csv.split('\n')[0]).toMatch(/party/i);
    expect(csv).toContain('La Cantine');
    // An operator reads the month; only the network's admins close it.
    expect(await page.getByRole('button', { name: 'Close the month' }).count()).toBe(0);
  });

  it('a network admin closes a past month after a confirmation that says what freezing means', async () => {
    const { page } = web;
    const month = stack.demo.visitsMonth!;
    await page.goto('/console/?lang=en');
    await logIn(page, 'admin@toulouse.demo', 'passerelle-demo');
    await page.getByRole('link', { name: 'Month' }).click();
    await page.getByRole('heading', { name: 'Month', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Month' }).fill(month);
    await page.getByRole('button', { name: 'Close the month' }).click();
    const confirmation = page.getByRole('alertdialog');
    await confirmation.getByText(/freezes its figures/).waitFor();
    await confirmation.getByRole('button', { name: `Yes, close ${month}` }).click();
    await page.getByText(/^Closed — Closed on/).waitFor();
    const { period } = await stack.gql<{ period: { status: string } }>(
      'query ($n: ID!, $m: String!) { period(networkId: $n, month: $m) { status } }',
      { n: await networkId(stack), m: month },
      await stack.logIn('admin@toulouse.demo'),
    );
    expect(period.status).toBe('CLOSED');
  });
});

/** The newest link to `page` (verify-email, reset-password) in the dev mailbox of `to`, read through the API. */
async function mailedLink(stack: WebStack, to: string, page: string): Promise<string> {
  const { devMailbox } = await stack.gql<{ devMailbox: Array<{ links: string[] }> }>(
    'query ($to: String) { devMailbox(to: $to) { links } }',
    { to },
  );
  const link = devMailbox.flatMap((message) => message.links).find((l) => new URL(l).pathname.endsWith(`/${page}`));
  if (!link) throw new Error(`No ${page} link was mailed to ${to}.`);
  return link;
}

async function logInAs(stack: WebStack, email: string, password: string): Promise<string> {
  const { logIn } = await stack.gql<{ logIn: { accessToken: string } }>(
    'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  return logIn.accessToken;
}

async function networkId(stack: WebStack): Promise<string> {
  return (await stack.gql<{ network: { id: string } }>('{ network(slug: "toulouse") { id } }')).network.id;
}
