import { dataOf, postGraphQL } from '@passerelle/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Demo } from '../../apps/launcher/src/demo-seed';
import { gatewayUrlIn, launch, Launcher } from '../support/launcher';

export interface WebStack {
  /** http://127.0.0.1:<port>, where the gateway serves the pages and /graphql. */
  origin: string;
  demo: Demo;
  dataDir: string;
  /** What `npm start` printed. */
  output(): string;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  logIn(email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `npm start` as a person runs it (build included) on a fresh embedded database with the demo: the
 * stack every browser journey of the run shares.
 */
export async function startWebStack(): Promise<WebStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  const launcher: Launcher = launch({ DATA_DIR: dataDir, PORT: '0', PASSWORD_HASH_COST: '10', LOG_LEVEL: 'warn' });
  const output = await launcher.waitFor(/Ready in [\d.]+ s/);
  const url = gatewayUrlIn(output);
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as Demo;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(url, query, variables, token));
  return {
    origin: new URL(url).origin,
    demo,
    dataDir,
    output: launcher.output,
    gql,
    logIn: async (email) =>
      (
        await gql<{ logIn: { accessToken: string } }>(
          'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }',
          { input: { email, password: demo.logins.find((login) => login.email === email)!.password } },
        )
      ).logIn.accessToken,
    stop: async () => {
      launcher.child.kill('SIGTERM');
      await launcher.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
