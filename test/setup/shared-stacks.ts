import {
  PARTNER_ORIGIN,
  SHARED_LOGIN_LIMITS,
  SHARED_STACKS_ENV,
  SharedStackAddresses,
  StackMode,
} from '../support/shared-stack';
import { startTestStack, TestStack } from '../support/stack';

/**
 * Stacks for each jest worker, one in development and one in production mode, started once for the
 * whole run in global setup's process: booting the subgraphs and the gateway costs a test file
 * about as much as its tests, and most files need nothing but the default settings. Each stack runs on
 * its own database clone.
 */
export async function startSharedStacks(workers: number): Promise<TestStack[]> {
  const start = (mode: StackMode) =>
    Promise.all(
      Array.from({ length: workers }, () =>
        startTestStack({
          production: mode === 'production',
          login: SHARED_LOGIN_LIMITS,
          corsOrigins: [PARTNER_ORIGIN],
        }),
      ),
    );
  const [development, production] = await Promise.all([start('development'), start('production')]);
  const addresses = (stacks: TestStack[]) =>
    stacks.map(({ gatewayUrl, subgraphUrls, databaseUrl, internalApiKey }) => ({
      gatewayUrl,
      subgraphUrls,
      databaseUrl,
      internalApiKey,
    }));
  const shared: SharedStackAddresses = { development: addresses(development), production: addresses(production) };
  process.env[SHARED_STACKS_ENV] = JSON.stringify(shared);
  return [...development, ...production];
}
