import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_ORIGIN, sharedStack, WEB_BUILD } from './support/shared-stack';

/**
 * How the gateway serves the web app's build (global setup has just made it) and whom it lets call
 * the API from another origin.
 */
describe('the gateway serving the web app', () => {
  const stack = sharedStack();
  const origin = new URL(stack.gatewayUrl).origin;

  it('serves the pages revalidated on every load and the hashed assets cached for a year', async () => {
    const landing = await fetch(`${origin}/`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toBe(readFileSync(join(WEB_BUILD, 'index.html'), 'utf8'));
    expect(landing.headers.get('cache-control')).toBe('no-cache');

    const wallet = await fetch(`${origin}/wallet`, { redirect: 'manual' });
    expect(wallet.status).toBe(301);
    expect(wallet.headers.get('location')).toBe('/wallet/');
    const walletPage = await fetch(`${origin}/wallet/`);
    const walletHtml = await walletPage.text();
    expect(walletHtml).toBe(readFileSync(join(WEB_BUILD, 'wallet', 'index.html'), 'utf8'));
    expect(walletPage.headers.get('cache-control')).toBe('no-cache');

    // The script the page names, under the hash of its content.
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)">/.exec(walletHtml)![1];
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    // The API's own routes are untouched.
    expect((await fetch(`${origin}/health`)).status).toBe(200);
  });

  it('answers CORS for the listed origins only', async () => {
    const ask = (from: string) =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: from },
        body: JSON.stringify({ query: '{ networks { id } }' }),
      });
    const partner = await ask(PARTNER_ORIGIN);
    expect(partner.status).toBe(200);
    expect(partner.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    const other = await ask('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin: PARTNER_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('serves the development IDE outside production only', async () => {
    expect(await (await fetch(`${origin}/graphiql/`)).text()).toContain('<title>Passerelle — GraphiQL</title>');
    const productionOrigin = new URL(sharedStack('production').gatewayUrl).origin;
    for (const path of ['/graphiql/', '/graphiql/index.html', '/graphiql']) {
      expect((await fetch(`${productionOrigin}${path}`, { redirect: 'manual' })).status).toBe(404);
    }
    // The pages themselves are still served.
    expect((await fetch(`${productionOrigin}/wallet/`)).status).toBe(200);
  });
});
