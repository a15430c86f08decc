import { generateEs256KeyPair, parseKeys } from '@passerelle/auth';
import { cloneTestDatabase, postGraphQL, TestDatabase } from '@passerelle/testing';
import { randomBytes } from 'node:crypto';
import { SUBGRAPH_NAMES } from '@passerelle/config';
import { RunningStack, startStack, StackOptions } from '../../apps/launcher/src/stack';
import { StackClient, TEST_POOL_SIZE, WEB_BUILD } from './shared-stack';

export interface TestStack extends RunningStack, StackClient {}

/**
 * The whole system as `npm start` runs it (every subgraph and the gateway, real HTTP between them) on
 * this test file's own database clone and free ports.
 */
export async function startTestStack(
  overrides: Partial<StackOptions> = {},
  /** A database to start on again (a restart); the caller drops it. */
  reused?: TestDatabase,
): Promise<TestStack> {
  const database = reused ?? (await cloneTestDatabase());
  const pair = generateEs256KeyPair();
  const internalApiKey = overrides.internalApiKey ?? randomBytes(32).toString('hex');
  const stack = await startStack({
    databaseUrls: everySubgraph(database.url),
    qrKeyEncryptionSecret: randomBytes(32).toString('hex'),
    ports: { gateway: 0, ...everySubgraph(0) },
    gatewayHost: '127.0.0.1',
    keys: parseKeys(pair.publicKeyPem, pair.privateKeyPem),
    internalApiKey,
    production: false,
    logLevels: ['error'],
    login: { maxFailuresPerEmail: 5, maxFailuresPerAddress: 50, lockoutSeconds: 900 },
    poolSize: TEST_POOL_SIZE,
    // The cheapest cost the configuration accepts: tests hash many passwords and prove nothing by their strength.
    passwordHashCost: 10,
    // Named rather than looked up when the gateway starts: the shared stacks start while global setup
    // is still building it (the gateway serves whatever the folder holds when a page is asked for).
    webRoot: WEB_BUILD,
    ...overrides,
  });
  return {
    ...stack,
    databaseUrl: database.url,
    internalApiKey,
    gql: (query, variables, token) => postGraphQL(stack.gatewayUrl, query, variables, token),
    close: async () => {
      await stack.close();
      if (!reused) await database.drop();
    },
  };
}

/** The same value for every subgraph. */
function everySubgraph<T>(value: T): Record<(typeof SUBGRAPH_NAMES)[number], T> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, value])) as Record<(typeof SUBGRAPH_NAMES)[number], T>;
}
