import type { DynamicModule } from '@nestjs/common';
import type { ParsedKeys } from '@passerelle/auth';
import type { Config, EnvName, loadConfig, SubgraphName } from '@passerelle/config';
import type { SubgraphDatabase } from '@passerelle/database';

/**
 * What every start of a subgraph gives it, in one shape: alone in its container (`runSubgraph`), in
 * the one-process stack (`npm start`, the tests) and for the supergraph composition (no database).
 */
export interface SubgraphSettings {
  databaseUrl: string;
  poolSize?: number;
  /** The access-token keys; the private half only where it is given (accounts signs, the others verify). */
  keys: ParsedKeys;
  internalApiKey: string;
  /**
   * Base URL of another subgraph. In one process a subgraph's URL is known once it listens, so a
   * subgraph reads at start only the URLs of those before it in SUBGRAPH_NAMES, and the others when
   * first needed.
   */
  urlOf(name: SubgraphName): string;
  production: boolean;
  /** Seals the networks' QR signing keys at rest (the network subgraph's alone). */
  qrKeyEncryptionSecret?: string;
  login: Config['login'];
  /** log2 of scrypt's N for new password hashes; the strong default when not given. */
  passwordHashCost?: number;
  /**
   * Mail (the accounts subgraph's alone): `url` an SMTP server, else the dev mailbox; `publicUrl` the
   * base of every link, read when first needed; the sender's timings for tests.
   */
  mail?: MailSettings;
  /** Builds the GraphQL schema without connecting to PostgreSQL (supergraph composition). */
  schemaOnly?: boolean;
}

export interface MailSettings {
  url?: string;
  from: string;
  publicUrl: () => string;
  pollIntervalMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
}

/** A subgraph, described once: the launcher, the composition, the tests and its own main read this. */
export interface SubgraphDescriptor {
  name: SubgraphName;
  /**
   * The variables it cannot start alone without, beyond DATABASE_URL, ACCESS_TOKEN_PUBLIC_KEY and
   * INTERNAL_API_KEY that every subgraph needs.
   */
  requiredSettings: EnvName[];
  /** The variables it cannot start alone without in production (NODE_ENV=production). */
  requiredInProduction?: Parameters<typeof loadConfig>[2];
  /** Its PostgreSQL schema, entities and migrations (the data source and the migration runner read it). */
  database(url: string, poolSize?: number): SubgraphDatabase;
  /** Its Nest module. */
  module(settings: SubgraphSettings): DynamicModule;
}

/** A setting the descriptor's `requiredSettings` guarantees for a start alone, and every other start gives. */
export function required<T>(value: T | undefined, name: EnvName): T {
  if (value === undefined) throw new Error(`${name}: required`);
  return value;
}
