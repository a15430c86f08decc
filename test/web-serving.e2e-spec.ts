import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestStack } from './support/stack';

/** How the gateway serves the web app's build and whom it lets call the API from another origin. */
describe('the gateway serving the web app', () => {
  const root = mkdtempSync(join(tmpdir(), 'passerelle-web-root-'));
  let stack: TestStack;
  let origin: string;

  beforeAll(async () => {
    mkdirSync(join(root, 'wallet'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>landing</title>');
    writeFileSync(join(root, 'wallet', 'index.html'), '<!doctype html><title>wallet</title>');
    writeFileSync(join(root, 'assets', 'wallet-Bu_Zlvvb.js'), 'export {};');
    mkdirSync(join(root, 'graphiql'));
    writeFileSync(join(root, 'graphiql', 'index.html'), '<!doctype html><title>graphiql</title>');
    stack = await startTestStack({ webRoot: root, corsOrigins: ['https://partner.example'] });
    origin = new URL(stack.gatewayUrl).origin;
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the pages revalidated on every load and the hashed assets cached for a year', async () => {
    const landing = await fetch(`${origin}/`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('landing');
    expect(landing.headers.get('cache-control')).toBe('no-cache');

    const wallet = await fetch(`${origin}/wallet`, { redirect: 'manual' });
    expect(wallet.status).toBe(301);
    expect(wallet.headers.get('location')).toBe('/wallet/');
    const walletPage = await fetch(`${origin}/wallet/`);
    expect(await walletPage.text()).toContain('wallet');
    expect(walletPage.headers.get('cache-control')).toBe('no-cache');

    const asset = await fetch(`${origin}/assets/wallet-Bu_Zlvvb.js`);
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
    const partner = await ask('https://partner.example');
    expect(partner.status).toBe(200);
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    const other = await ask('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('serves the development IDE outside production only', async () => {
    expect(await (await fetch(`${origin}/graphiql/`)).text()).toContain('graphiql');
    const production = await startTestStack({ webRoot: root, production: true });
    try {
      const productionOrigin = new URL(production.gatewayUrl).origin;
      for (const path of ['/graphiql/', '/graphiql/index.html', '/graphiql']) {
        expect((await fetch(`${productionOrigin}${path}`, { redirect: 'manual' })).status).toBe(404);
      }
      // The pages themselves are still served.
      expect((await fetch(`${productionOrigin}/wallet/`)).status).toBe(200);
    } finally {
      await production.close();
    }
  });
});
