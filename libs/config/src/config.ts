import { z } from 'zod';

// 0 asks the system for any free port (tests and side-by-side runs).
const port = z.coerce.number().int().min(0).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));
// PEM keys often travel through env files with their newlines escaped.
const pem = z
  .string()
  .transform((value) => value.replace(/\\n/g, '\n'))
  .refine((value) => value.includes('-----BEGIN'), 'must be a PEM key');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCOUNTS_PORT: port.optional(),
  NETWORK_PORT: port.optional(),
  SETTLEMENT_PORT: port.optional(),
  ACCOUNTS_URL: z.url().optional(),
  NETWORK_URL: z.url().optional(),
  SETTLEMENT_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  SEED_DEMO: flag.default(true),
  ACCESS_TOKEN_PRIVATE_KEY: pem.optional(),
  ACCESS_TOKEN_PUBLIC_KEY: pem.optional(),
  INTERNAL_API_KEY: z.string().min(32).optional(),
  QR_KEY_ENCRYPTION_SECRET: z.string().min(32).optional(),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  // log2 of scrypt's N: 15 is the production strength; each step down halves the work (tests use 10).
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
  // Web origins (scheme://host[:port]) of partner apps that may call the API from a browser, comma-separated.
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)),
      'must be origins such as https://app.example.org, comma-separated, without a path',
    ),
});

export type Env = z.infer<typeof envSchema>;
export type EnvName = keyof Env;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export interface Config {
  server: { nodeEnv: Env['NODE_ENV']; production: boolean; logLevel: Env['LOG_LEVEL']; host: string };
  ports: { gateway: number; accounts: number; network: number; settlement: number };
  /** Base URLs of the subgraphs (GraphQL at `/graphql`), as the gateway and other subgraphs reach them. */
  urls: { accounts: string; network: string; settlement: string };
  database: { url?: string; poolSize: number; dataDir: string; seedDemo: boolean };
  tokens: {
    accessPrivateKeyPem?: string;
    accessPublicKeyPem?: string;
    internalApiKey?: string;
    qrKeyEncryptionSecret?: string;
  };
  login: { maxFailuresPerEmail: number; maxFailuresPerAddress: number; lockoutSeconds: number };
  passwords: { hashCost: number };
  /** Browser origins besides the gateway's own that may call the API (CORS). */
  web: { corsOrigins: string[] };
}

/**
 * Secrets a local run may generate into DATA_DIR but a production start must be given: a generated
 * one would live beside the data it protects.
 */
const REQUIRED_IN_PRODUCTION = {
  QR_KEY_ENCRYPTION_SECRET:
    "required when NODE_ENV=production, to seal the networks' QR signing keys (npm run --silent keys prints one)",
} satisfies Partial<Record<EnvName, string>>;

/**
 * Reads the environment once, at boot, into typed namespaces. Every bad or missing variable is
 * reported together, so one start tells the operator everything to fix. `inProduction` names the
 * variables this app needs that only production must be given.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  required: EnvName[] = [],
  inProduction: Array<keyof typeof REQUIRED_IN_PRODUCTION> = [],
): Config {
  const given: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const parsed = envSchema.safeParse(given);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Judged on what was given, so that a missing variable is reported even when another one is invalid.
  for (const name of required) if (given[name] === undefined) problems.push(`${name}: required`);
  if (given.NODE_ENV === 'production')
    for (const name of inProduction)
      if (given[name] === undefined) problems.push(`${name}: ${REQUIRED_IN_PRODUCTION[name]}`);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const ports = {
    gateway: e.PORT,
    accounts: e.ACCOUNTS_PORT ?? nextPort(e.PORT, 1),
    network: e.NETWORK_PORT ?? nextPort(e.PORT, 2),
    settlement: e.SETTLEMENT_PORT ?? nextPort(e.PORT, 3),
  };
  return {
    server: { nodeEnv: e.NODE_ENV, production: e.NODE_ENV === 'production', logLevel: e.LOG_LEVEL, host: e.HOST },
    ports,
    urls: {
      accounts: e.ACCOUNTS_URL ?? `http://127.0.0.1:${ports.accounts}`,
      network: e.NETWORK_URL ?? `http://127.0.0.1:${ports.network}`,
      settlement: e.SETTLEMENT_URL ?? `http://127.0.0.1:${ports.settlement}`,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, dataDir: e.DATA_DIR, seedDemo: e.SEED_DEMO },
    tokens: {
      accessPrivateKeyPem: e.ACCESS_TOKEN_PRIVATE_KEY,
      accessPublicKeyPem: e.ACCESS_TOKEN_PUBLIC_KEY,
      internalApiKey: e.INTERNAL_API_KEY,
      qrKeyEncryptionSecret: e.QR_KEY_ENCRYPTION_SECRET,
    },
    login: {
      maxFailuresPerEmail: e.LOGIN_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      lockoutSeconds: e.LOGIN_LOCKOUT_SECONDS,
    },
    passwords: { hashCost: e.PASSWORD_HASH_COST },
    web: { corsOrigins: e.CORS_ORIGINS },
  };
}

/** The subgraphs listen next to the gateway; when the gateway takes any free port, so do they. */
function nextPort(gateway: number, offset: number): number {
  return gateway === 0 ? 0 : gateway + offset;
}

/** Nest's logger levels from LOG_LEVEL: the named level and every more severe one. */
export function logLevels(level: Env['LOG_LEVEL']): Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

/**
 * Levels for the Nest apps themselves: their start-up chatter (modules loaded, routes mapped) is
 * shown only from LOG_LEVEL=debug on.
 */
export function appLogLevels(level: Env['LOG_LEVEL']): Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> {
  const levels = logLevels(level);
  return levels.includes('debug') ? levels : levels.filter((l) => l !== 'log');
}
