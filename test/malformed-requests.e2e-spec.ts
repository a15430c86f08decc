import { GraphQLHttpResponse, sendGraphQL } from '@passerelle/testing';
import { sharedStack } from './support/shared-stack';
import { CREATE_PRODUCT, holderSession, newKey, seedNetwork, SeededNetwork, sellPass } from './support/passes';

// Malformed requests, sent as a client would: through the gateway and straight to the network subgraph,
// in production and in development mode. Each must be HTTP 400, BAD_USER_INPUT naming the field.

// Statuses alone: the refusal read here is the upload's own, with no visit field another subgraph resolves.
const SYNC_STATUSES = `mutation SyncStatuses($input: [CheckInInput!]!) { syncCheckIns(input: $input) { status repeat } }`;
const NETWORKS = 'query A { networks { id } } query B { networks { slug } }';
const QR_IMAGES = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: myPasses { qr { svg pngDataUrl } }`).join(' ')} }`;
// Only the network subgraph's own fields, to send it straight there too.
const PASS_IMAGE = `query Image($id: ID!) { pass(id: $id) { qr { svg } } }`;

type Body = Record<string, unknown>;

function expectRefused(response: GraphQLHttpResponse<unknown>, field: string, production: boolean) {
  const text = JSON.stringify(response.body);
  expect({ status: response.status, extensions: response.body.errors?.[0]?.extensions }).toMatchObject({
    status: 400,
    extensions: { code: 'BAD_USER_INPUT', field },
  });
  // Never the subgraph's URL or answer; in production, no stack trace either.
  expect(text).not.toMatch(/"response"|http:\/\/|127\.0\.0\.1/);
  if (production) expect(text).not.toMatch(/stacktrace|exception|\.ts:\d+/);
}

describe.each([
  ['production', true],
  ['development', false],
])('bad input in %s mode', (_mode, production) => {
  const stack = sharedStack(production ? 'production' : 'development');
  let seeded: SeededNetwork;
  let targets: Array<[string, string]>;
  let product: (input: Body) => Body;

  beforeAll(async () => {
    seeded = await seedNetwork(stack);
    targets = [
      ['gateway', stack.gatewayUrl],
      ['network subgraph', `${stack.subgraphUrls.network}/graphql`],
    ];
    product = (input) => ({
      query: CREATE_PRODUCT,
      variables: {
        input: {
          networkId: seeded.network.id,
          name: 'Carnet',
          kind: 'COUPON_BOOK',
          units: 10,
          unitValueCents: 700,
          ...input,
        },
      },
    });
  });

  const send = (url: string, body: Body, token = seeded.admin.token) => sendGraphQL(url, body, { token });

  it.each<[string, () => Body, string]>([
    ['an unknown enum value', () => product({ kind: 'NOPE' }), 'input.kind'],
    ['a number for a name', () => product({ name: 3 }), 'input.name'],
    ['an Int beyond 32 bits', () => product({ units: 2147483648 }), 'input.units'],
    ['a missing variable', () => ({ query: CREATE_PRODUCT, variables: {} }), 'input'],
    ['two operations and no operationName', () => ({ query: NETWORKS }), 'operationName'],
    ['an operationName the query lacks', () => ({ query: NETWORKS, operationName: 'C' }), 'operationName'],
    [
      'an unknown persisted-query hash',
      () => ({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      'query',
    ],
    ['an empty string for Cents', () => product({ unitValueCents: '' }), 'input.unitValueCents'],
    ['a hexadecimal string for Cents', () => product({ unitValueCents: '0x10' }), 'input.unitValueCents'],
    ['a fraction for Cents', () => product({ unitValueCents: 1.5 }), 'input.unitValueCents'],
    ['a unit value of 2^53 − 1 cents', () => product({ unitValueCents: 2 ** 53 - 1 }), 'unitValueCents'],
    ['a unit value above 10,000,000 cents', () => product({ unitValueCents: 10_000_001 }), 'unitValueCents'],
    ['a NUL character in a name', () => product({ name: 'Car\u0000net' }), 'name'],
  ])('refuses %s', async (_case, body, field) => {
    for (const [, url] of targets) expectRefused(await send(url, body()), field, production);
  });

  it('takes a unit value of 10,000,000 cents, as a JSON integer', async () => {
    for (const [, url] of targets) {
      const response = await send(url, product({ unitValueCents: 10_000_000 }));
      expect(response.body.data).toMatchObject({ createPassProduct: { unitValueCents: 10_000_000 } });
    }
  });

  it('refuses drawing the QR images of every pass at once as too expensive', async () => {
    for (const [, url] of targets) {
      const response = await send(url, { query: QR_IMAGES(5) });
      expectRefused(response, 'query', production);
      // Refused before anything ran, by the gateway itself as by the subgraph.
      expect('data' in response.body).toBe(false);
    }
  });

  it('draws the image of one pass', async () => {
    const pass = await sellPass(stack, seeded);
    const holder = await holderSession(stack, pass.holderEmail);
    const response = await send(stack.gatewayUrl, { query: PASS_IMAGE, variables: { id: pass.id } }, holder.token);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ pass: { qr: { svg: expect.stringMatching(/^<svg/) } } });
  });

  it('refuses a NUL character in a plain string argument', async () => {
    const pass = await sellPass(stack, seeded);
    const revoke = {
      query: 'mutation ($id: ID!) { revokePass(passId: $id, reason: "lost\\u0000") { id } }',
      variables: { id: pass.id },
    };
    for (const [, url] of targets) expectRefused(await send(url, revoke), 'reason', production);
    // A nullable field that refuses is nothing answered too; through the gateway, the error keeps its path.
    const bySlug = { query: 'query ($slug: String!) { network(slug: $slug) { id } }', variables: { slug: 'a\u0000' } };
    for (const [, url] of targets) {
      const response = await send(url, bySlug);
      expectRefused(response, 'slug', production);
      expect(response.body.errors?.[0]?.path).toEqual(['network']);
    }
  });

  it('refuses an upload with a NUL character in one key, naming the item, and records none of it', async () => {
    const [space] = seeded.spaces;
    const pass = await sellPass(stack, seeded);
    const scans = Array.from({ length: 5 }, (_, i) => ({
      spaceId: space.id,
      credential: pass.serial,
      idempotencyKey: i === 3 ? `${newKey()}\u0000` : newKey(),
    }));
    for (const [, url] of targets) {
      const response = await send(url, { query: SYNC_STATUSES, variables: { input: scans } }, space.scanner);
      expectRefused(response, 'input[3].idempotencyKey', production);
    }
    // Nothing was recorded: the corrected upload is the pass's first visit of the day.
    const corrected = scans.map((scan, i) => (i === 3 ? { ...scan, idempotencyKey: newKey() } : scan));
    const again = await send(
      stack.gatewayUrl,
      { query: SYNC_STATUSES, variables: { input: corrected } },
      space.scanner,
    );
    const results = (again.body.data as { syncCheckIns: Array<{ status: string; repeat: boolean }> }).syncCheckIns;
    expect(results.map((r) => [r.status, r.repeat])).toEqual([
      ['ACCEPTED', false],
      ...Array.from({ length: 4 }, () => ['ACCEPTED', true]),
    ]);
  });

  it('hides suggestions of fields and enum values in production only', async () => {
    for (const [, url] of targets) {
      const misspelt = await send(url, { query: '{ networkz { id } }' });
      expectRefused(misspelt, 'networkz', production);
      expect(JSON.stringify(misspelt.body).includes('Did you mean')).toBe(!production);
      const nearEnum = await send(url, product({ kind: 'COUPON_BOK' }));
      expectRefused(nearEnum, 'input.kind', production);
      expect(JSON.stringify(nearEnum.body).includes('Did you mean')).toBe(!production);
    }
  });
});

describe('query limits at a subgraph reached directly', () => {
  const stack = sharedStack('production');

  it('refuses a query nested too deep, or with too many aliases', async () => {
    const url = `${stack.subgraphUrls.network}/graphql`;
    let selection = 'id';
    for (let i = 0; i < 8; i += 1) selection = `memberships { space { ${selection} } }`;
    const deep = await sendGraphQL(url, { query: `{ networks { ${selection} } }` });
    expectRefused(deep, 'query', true);
    const wide = await sendGraphQL(url, {
      query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: networks { id }`).join(' ')} }`,
    });
    expectRefused(wide, 'query', true);
  });
});
