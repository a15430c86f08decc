import { dataOf, errorOf, postGraphQL } from '@passerelle/testing';
import { LOG_IN, SIGN_UP } from './support/documents';
import { unique } from './support/passes';
import { SHARED_LOGIN_LIMITS, sharedStack } from './support/shared-stack';

describe('gateway', () => {
  const stack = sharedStack();

  it('passes every subgraph error code (and field) through unchanged', async () => {
    const direct = `${stack.subgraphUrls.accounts}/graphql`;
    const input = { email: `${unique('twice')}@example.org`, password: 'long enough password', displayName: 'Twice' };
    await stack.gql(SIGN_UP, { input });
    const wrongPassword: [string, Record<string, unknown>] = [
      LOG_IN,
      { input: { email: input.email, password: 'wrong password' } },
    ];
    const { maxFailuresPerEmail } = SHARED_LOGIN_LIMITS;
    const cases: Array<[string, Record<string, unknown>]> = [
      [SIGN_UP, { input }], // CONFLICT
      [SIGN_UP, { input: { ...input, email: 'nope' } }], // BAD_USER_INPUT, field email
      ...Array.from({ length: maxFailuresPerEmail }, () => wrongPassword), // UNAUTHENTICATED
      wrongPassword, // RATE_LIMITED
    ];
    const seen = [];
    for (const [query, variables] of cases) {
      const viaGateway = errorOf(await stack.gql(query, variables));
      seen.push(viaGateway.code);
      if (viaGateway.code !== 'RATE_LIMITED' && viaGateway.code !== 'UNAUTHENTICATED') {
        const fromSubgraph = errorOf(await postGraphQL(direct, query, variables));
        expect(viaGateway).toEqual(fromSubgraph);
      }
    }
    expect(seen).toEqual([
      'CONFLICT',
      'BAD_USER_INPUT',
      ...Array.from({ length: maxFailuresPerEmail }, () => 'UNAUTHENTICATED'),
      'RATE_LIMITED',
    ]);
  });

  it('reports the database and each subgraph at /health', async () => {
    const response = await fetch(stack.gatewayUrl.replace('/graphql', '/health'));
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      database: 'ok',
      subgraphs: { accounts: { status: 'ok', database: 'ok' } },
    });
  });

  it("publishes the networks' QR verification keys at /.well-known/jwks.json, offline-usable", async () => {
    const { signUp } = dataOf(
      await stack.gql<{ signUp: { accessToken: string } }>(SIGN_UP, {
        input: { email: `${unique('keys')}@example.org`, password: 'long enough password', displayName: 'Keys' },
      }),
    );
    const { registerNetwork } = dataOf(
      await stack.gql<{ registerNetwork: { id: string } }>(
        'mutation ($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }',
        { input: { slug: unique('keyed'), name: 'Keyed' } },
        signUp.accessToken,
      ),
    );
    const { networkKeys } = dataOf(
      await stack.gql<{ networkKeys: Array<{ kid: string }> }>(
        'query ($id: ID!) { networkKeys(networkId: $id) { kid } }',
        { id: registerNetwork.id },
      ),
    );
    const response = await fetch(stack.gatewayUrl.replace('/graphql', '/.well-known/jwks.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const jwks = (await response.json()) as { keys: Array<{ kid: string; kty: string; crv: string }> };
    expect(jwks.keys).toContainEqual(expect.objectContaining({ kid: networkKeys[0].kid, kty: 'EC', crv: 'P-256' }));
  });

  it('refuses a query with too many aliases, naming the query', async () => {
    const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(errorOf(await stack.gql(wide))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('refuses a query nested too deep', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i += 1) selection = `memberships { space { ${selection} } }`;
    const deep = `{ networks { ${selection} } }`;
    expect(errorOf(await stack.gql(deep))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('refuses a request a browser could forge (CSRF prevention)', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('gateway in production mode', () => {
  const stack = sharedStack('production');

  it('hides introspection and stack traces, and still names the code', async () => {
    const introspection = await stack.gql('{ __schema { types { name } } }');
    expect(errorOf(introspection).code).toBe('BAD_USER_INPUT');
    const bad = await stack.gql(SIGN_UP, { input: { email: 'x', password: 'short', displayName: '' } });
    expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
