import type { SubgraphName } from '@passerelle/config';
import { GraphQLResponse, postGraphQL } from '@passerelle/testing';
import { join } from 'node:path';

export const SHARED_STACKS_ENV = 'PASSERELLE_TEST_STACKS';

/** Where `npm run build` writes the web app, which every test stack serves. */
export const WEB_BUILD = join(__dirname, '..', '..', 'dist', 'web');

/** Connections per service in every test stack, shared or not. */
export const TEST_POOL_SIZE = 5;

/**
 * The shared stacks' log-in limits. Every file logs in from 127.0.0.1: a per-address limit would count
 * one file's wrong passwords against the next, so only the per-email one is kept (login-throttle.e2e-spec.ts
 * tests the other on a stack of its own).
 */
export const SHARED_LOGIN_LIMITS = { maxFailuresPerEmail: 5, maxFailuresPerAddress: 1_000_000, lockoutSeconds: 900 };

/** A partner's web app, the one other origin the shared stacks let call the API (web-serving.e2e-spec.ts). */
export const PARTNER_ORIGIN = 'https://partner.example';

/** Development mode (as `npm start` runs), or production mode (what a client may not see is hidden). */
export type StackMode = 'development' | 'production';

/** The shared stacks of each mode, one per jest worker. */
export type SharedStackAddresses = Record<StackMode, StackAddress[]>;

/** Where a running stack answers, its database, and the key of the subgraphs' internal endpoints. */
export interface StackAddress {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrl: string;
  internalApiKey: string;
}

/** A stack's gateway as a GraphQL client: all the test builders (passes.ts, settlement.ts, mail.ts) need. */
export interface GatewayClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
}

/** What a test holds of a running stack, its own or the shared one. */
export interface StackClient extends StackAddress, GatewayClient {}

/**
 * The stack of `mode` that global setup started for this jest worker (test/setup/shared-stacks.ts): a
 * worker runs one file at a time, so the file has it to itself, and skips booting the servers of its
 * own. The database holds what earlier files made: a file that shares it creates its own rows (fresh
 * slugs and emails, `unique()` in passes.ts) and asserts only on them. A file that needs other settings,
 * an empty database, or to break the stack, starts its own with `startTestStack`.
 */
export function sharedStack(mode: StackMode = 'development'): StackClient {
  const stacks = JSON.parse(process.env[SHARED_STACKS_ENV] ?? '{}') as Partial<SharedStackAddresses>;
  // Jest numbers its workers from 1, and runs a lone file in band as worker 1.
  const address = stacks[mode]?.[Number(process.env.JEST_WORKER_ID ?? '1') - 1];
  if (!address) throw new Error('No shared test stack for this worker: run the tests through jest (npm test).');
  // Global teardown stops it, after the last file.
  return { ...address, gql: (query, variables, token) => postGraphQL(address.gatewayUrl, query, variables, token) };
}
