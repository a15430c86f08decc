import { INestApplication, LogLevel } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { ParsedKeys } from '@passerelle/auth';
import type { Config, SubgraphName } from '@passerelle/config';
import { startFastifyApp } from '@passerelle/graphql';
import { readFileSync } from 'node:fs';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { SUPERGRAPH_PATH } from '../../gateway/src/supergraph-path';
import { SUBGRAPHS } from './subgraphs';

/** Each subgraph's connection string: the role that owns its schema, or one URL for all. */
export type SubgraphDatabaseUrls = Record<SubgraphName, string>;

export interface StackOptions {
  databaseUrls: SubgraphDatabaseUrls;
  /** Where each server listens (subgraphs on 127.0.0.1 only); 0 lets the system pick a free port. */
  ports: Config['ports'];
  gatewayHost: string;
  keys: ParsedKeys;
  internalApiKey: string;
  qrKeyEncryptionSecret: string;
  production: boolean;
  logLevels: LogLevel[];
  login: Config['login'];
  /** log2 of scrypt's N for new password hashes (accounts' strong default when not given). */
  passwordHashCost?: number;
  poolSize?: number;
  /**
   * Mail: `url` an SMTP server, else the dev mailbox; `publicUrl` the base of every link (the gateway's
   * own address when not given); the sender's timings for tests.
   */
  mail?: {
    url?: string;
    from?: string;
    publicUrl?: string;
    pollIntervalMs?: number;
    retryMs?: number;
    maxRetryMs?: number;
  };
  /** Browser origins allowed to call the gateway besides its own (CORS_ORIGINS). */
  corsOrigins?: string[];
  /** The built web app; by default the gateway finds dist/web. */
  webRoot?: string;
}

export const DEFAULT_MAIL_FROM = 'Passerelle <no-reply@localhost>';

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  close(): Promise<void>;
}

/**
 * Starts every subgraph and then the gateway in this process, each on its own port, talking real
 * HTTP to each other exactly as they do when each runs alone. Migrations must have run before.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const started: INestApplication[] = [];
  const listenOptions = (port: number, host = '127.0.0.1') => ({ host, port, logLevels: options.logLevels });
  // Filled in as each subgraph listens (port 0: the system picks it).
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  const urlOf = (name: SubgraphName) => {
    const url = subgraphUrls[name];
    if (!url) throw new Error(`The ${name} subgraph's URL was asked for before it listens.`);
    return url;
  };
  let gatewayPort: number;
  let gatewayOrigin = '';
  const { publicUrl, from, ...mailTimings } = options.mail ?? {};
  try {
    for (const subgraph of SUBGRAPHS) {
      const app = await startFastifyApp(
        subgraph.module({
          databaseUrl: options.databaseUrls[subgraph.name],
          poolSize: options.poolSize,
          keys: options.keys,
          internalApiKey: options.internalApiKey,
          urlOf,
          production: options.production,
          qrKeyEncryptionSecret: options.qrKeyEncryptionSecret,
          login: options.login,
          passwordHashCost: options.passwordHashCost,
          // The gateway's address is known once it listens, before any mail can be written.
          mail: { ...mailTimings, from: from ?? DEFAULT_MAIL_FROM, publicUrl: () => publicUrl ?? gatewayOrigin },
        }),
        listenOptions(options.ports[subgraph.name]),
      );
      started.push(app);
      subgraphUrls[subgraph.name] = `http://127.0.0.1:${boundPort(app)}`;
    }

    const gateway = await startFastifyApp(
      GatewayModule.forRoot({
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls: subgraphUrls as Record<SubgraphName, string>,
        production: options.production,
        internalApiKey: options.internalApiKey,
        web: { corsOrigins: options.corsOrigins ?? [], root: options.webRoot },
      }),
      listenOptions(options.ports.gateway, options.gatewayHost),
    );
    started.push(gateway);
    gatewayPort = boundPort(gateway);
  } catch (error) {
    await Promise.allSettled(started.reverse().map((app) => app.close()));
    throw error;
  }
  const shownHost = options.gatewayHost === '0.0.0.0' ? 'localhost' : options.gatewayHost;
  gatewayOrigin = `http://${shownHost}:${gatewayPort}/`;
  return {
    gatewayUrl: `http://${shownHost}:${gatewayPort}/graphql`,
    subgraphUrls: subgraphUrls as Record<SubgraphName, string>,
    // The gateway first, so that no request reaches a subgraph that is already gone.
    close: async () => {
      for (const app of started.reverse()) await app.close();
    },
  };
}

/** The port a server actually listens on (the one asked for, or the one the system picked for 0). */
function boundPort(app: INestApplication): number {
  return (app.getHttpServer().address() as AddressInfo).port;
}
