import { z } from 'zod';
import { SUBGRAPH_NAMES, SubgraphName } from './subgraphs';

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
  ...subgraphVariables('PORT', port.optional()),
  ...subgraphVariables('URL', z.url().optional()),
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
  // Where mail goes (smtp://user:pass@host:587, smtps://…); without it, outside production, a dev mailbox.
  MAIL_URL: z
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Passerelle <no-reply@localhost>'),
  // The base of every link in a mail (the web app); the gateway's own URL when not given.
  PUBLIC_URL: z.url().optional(),
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
  ports: Record<'gateway' | SubgraphName, number>;
  /** Base URLs of the subgraphs (GraphQL at `/graphql`), as the gateway and other subgraphs reach them. */
  urls: Record<SubgraphName, string>;
  database: { url?: string; poolSize: number; dataDir: string; seedDemo: boolean };
  tokens: {
    accessPrivateKeyPem?: string;
    accessPublicKeyPem?: string;
    internalApiKey?: string;
    qrKeyEncryptionSecret?: string;
  };
  login: { maxFailuresPerEmail: number; maxFailuresPerAddress: number; lockoutSeconds: number };
  passwords: { hashCost: number };
  /** `url` absent: mail is kept in the dev mailbox (never in production, which requires MAIL_URL). */
  mail: { url?: string; from: string; publicUrl?: string };
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
  MAIL_URL:
    'required when NODE_ENV=production, to send verification, invitation and reset mail (smtp://user:pass@host:587)',
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
    ...bySubgraph((name, index) => e[subgraphVariable(name, 'PORT')] ?? nextPort(e.PORT, index + 1)),
  };
  return {
    server: { nodeEnv: e.NODE_ENV, production: e.NODE_ENV === 'production', logLevel: e.LOG_LEVEL, host: e.HOST },
    ports,
    urls: bySubgraph((name) => e[subgraphVariable(name, 'URL')] ?? `http://127.0.0.1:${ports[name]}`),
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
    mail: { url: e.MAIL_URL, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL },
    web: { corsOrigins: e.CORS_ORIGINS },
  };
}

type SubgraphVariable<Suffix extends string> = `${Uppercase<SubgraphName>}_${Suffix}`;

/** `ACCOUNTS_PORT`, `NETWORK_URL`, …: the name of a subgraph's own variable. */
export function subgraphVariable<Suffix extends string>(name: SubgraphName, suffix: Suffix): SubgraphVariable<Suffix> {
  return `${name.toUpperCase() as Uppercase<SubgraphName>}_${suffix}`;
}

/** One variable per subgraph (`<NAME>_<suffix>`), all of the same kind. */
function subgraphVariables<Suffix extends string, T extends z.ZodType>(
  suffix: Suffix,
  type: T,
): Record<SubgraphVariable<Suffix>, T> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, suffix), type])) as Record<
    SubgraphVariable<Suffix>,
    T
  >;
}

function bySubgraph<T>(value: (name: SubgraphName, index: number) => T): Record<SubgraphName, T> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, value(name, index)])) as Record<SubgraphName, T>;
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
