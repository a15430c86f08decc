import { dataOf, errorOf, GraphQLResponse, postGraphQL } from '@passerelle/testing';
import { randomBytes } from 'node:crypto';
import { LOG_IN, SIGN_UP } from './support/documents';
import { unique } from './support/passes';
import { SHARED_LOGIN_LIMITS, sharedStack } from './support/shared-stack';
import { startTestStack, TestStack } from './support/stack';

const PASSWORD = 'correct horse battery';

type Answer = string;

/** What each log-in came back with: a token, or the error's code. */
const answer = (response: GraphQLResponse<unknown>): Answer =>
  response.errors ? (errorOf(response).code ?? 'no code') : 'token';

async function answers(attempts: Array<Promise<GraphQLResponse<unknown>>>): Promise<Answer[]> {
  return (await Promise.all(attempts)).map(answer);
}

const count = (list: Answer[], answer: Answer) => list.filter((a) => a === answer).length;

describe('log-in throttling under concurrency', () => {
  // The per-email limit, as the shared stacks have it; the per-address one is the next describe's.
  const stack = sharedStack();
  const { maxFailuresPerEmail } = SHARED_LOGIN_LIMITS;
  const target = `${unique('target')}@example.org`;
  const busy = `${unique('busy')}@example.org`;

  it('evaluates at most the allowed number of 50 parallel guesses for one email, then refuses the right password', async () => {
    dataOf(await stack.gql(SIGN_UP, { input: { email: target, password: PASSWORD, displayName: 'T' } }));
    const burst = await answers(
      Array.from({ length: 50 }, (_, i) =>
        stack.gql(LOG_IN, { input: { email: target, password: `wrong guess ${i}` } }),
      ),
    );
    expect(count(burst, 'UNAUTHENTICATED')).toBeLessThanOrEqual(maxFailuresPerEmail);
    expect(count(burst, 'RATE_LIMITED')).toBeGreaterThanOrEqual(50 - maxFailuresPerEmail);
    expect(count(burst, 'UNAUTHENTICATED') + count(burst, 'RATE_LIMITED')).toBe(50);

    const right = await stack.gql(LOG_IN, { input: { email: target, password: PASSWORD } });
    expect(errorOf(right).code).toBe('RATE_LIMITED');
  });

  it('lets a right password in while an attempt for the same email is still being judged', async () => {
    dataOf(await stack.gql(SIGN_UP, { input: { email: busy, password: PASSWORD, displayName: 'B' } }));
    const pair = await answers([
      stack.gql(LOG_IN, { input: { email: busy, password: 'wrong guess' } }),
      stack.gql(LOG_IN, { input: { email: busy, password: PASSWORD } }),
    ]);
    expect(pair).toEqual(['UNAUTHENTICATED', 'token']);
  });
});

describe('log-in throttling per address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ login: { maxFailuresPerEmail: 5, maxFailuresPerAddress: 8, lockoutSeconds: 900 } });
  });
  afterAll(() => stack.close());

  it('evaluates at most the allowed number of 50 parallel guesses from one address, over many emails', async () => {
    const burst = await answers(
      Array.from({ length: 50 }, (_, i) =>
        stack.gql(LOG_IN, { input: { email: `nobody${i}@example.org`, password: 'wrong guess' } }),
      ),
    );
    expect(count(burst, 'UNAUTHENTICATED')).toBeLessThanOrEqual(8);
    expect(count(burst, 'RATE_LIMITED')).toBeGreaterThanOrEqual(42);
  });
});

describe('the client address a caller claims', () => {
  const internalApiKey = randomBytes(32).toString('hex');
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      internalApiKey,
      login: { maxFailuresPerEmail: 5, maxFailuresPerAddress: 3, lockoutSeconds: 900 },
    });
  });
  afterAll(() => stack.close());

  it('is ignored when a caller reaches the accounts subgraph directly: forging it does not escape the lock-out', async () => {
    const direct = `${stack.subgraphUrls.accounts}/graphql`;
    const seen: Answer[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await postGraphQL(
        direct,
        LOG_IN,
        { input: { email: `forger${i}@example.org`, password: 'wrong guess' } },
        undefined,
        { 'x-passerelle-client-address': `203.0.113.${i}` },
      );
      seen.push(answer(response));
    }
    expect(seen).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  it('is believed from the gateway, which sends it with the internal key', async () => {
    const direct = `${stack.subgraphUrls.accounts}/graphql`;
    const from = async (address: string, i: number) =>
      answer(
        await postGraphQL(
          direct,
          LOG_IN,
          { input: { email: `vouched${address}-${i}@example.org`, password: 'wrong guess' } },
          undefined,
          { 'x-passerelle-client-address': address, 'x-passerelle-internal-key': internalApiKey },
        ),
      );
    const seen: Answer[] = [];
    for (let i = 0; i < 4; i += 1) seen.push(await from('198.51.100.1', i));
    seen.push(await from('198.51.100.2', 0));
    // The first address is locked out; the second has a count of its own.
    expect(seen).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNAUTHENTICATED']);
  });
});
