import { dataOf, postGraphQL } from '@passerelle/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Demo, seedDemo } from '../../apps/launcher/src/demo-seed';
import { sharedStack } from '../support/shared-stack';

export interface WebStack {
  /** http://127.0.0.1:<port>, where the gateway serves the pages and /graphql. */
  origin: string;
  demo: Demo;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  logIn(email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The stack this worker shares (its gateway serves the last build's pages, as `npm start` does),
 * with `npm start`'s demo seeded into it: the stack every browser journey of the run shares.
 * start.e2e-spec.ts starts `npm start` itself, and checks what it prints of the pages.
 */
export async function startWebStack(): Promise<WebStack> {
  const { gatewayUrl } = sharedStack();
  // The demo writes its logins and tokens to demo.json, as the launcher keeps them in DATA_DIR.
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  const demo = await seedDemo(gatewayUrl, dataDir);
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(gatewayUrl, query, variables, token));
  return {
    origin: new URL(gatewayUrl).origin,
    demo,
    gql,
    logIn: async (email) =>
      (
        await gql<{ logIn: { accessToken: string } }>(
          'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }',
          { input: { email, password: demo.logins.find((login) => login.email === email)!.password } },
        )
      ).logIn.accessToken,
    stop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
