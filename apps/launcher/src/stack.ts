import { INestApplication, LogLevel } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { ParsedKeys } from '@passerelle/auth';
import { startFastifyApp } from '@passerelle/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsModule } from '../../accounts/src/accounts.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { NetworkModule } from '../../network/src/network.module';
import { SettlementModule } from '../../settlement/src/settlement.module';
import type { LoginLimits } from '../../accounts/src/sessions/login-throttle.service';

export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'gateway', 'supergraph.graphql');

/** Each subgraph's connection string: the role that owns its schema, or one URL for all three. */
export type SubgraphDatabaseUrls = { accounts: string; network: string; settlement: string };

export interface StackOptions {
  databaseUrls: SubgraphDatabaseUrls;
  /** Where each server listens (subgraphs on 127.0.0.1 only); 0 lets the system pick a free port. */
  ports: { gateway: number; accounts: number; network: number; settlement: number };
  gatewayHost: string;
  keys: ParsedKeys;
  internalApiKey: string;
  qrKeyEncryptionSecret: string;
  production: boolean;
  logLevels: LogLevel[];
  login: LoginLimits;
  /** log2 of scrypt's N for new password hashes (accounts' strong default when not given). */
  passwordHashCost?: number;
  poolSize?: number;
  /** Browser origins allowed to call the gateway besides its own (CORS_ORIGINS). */
  corsOrigins?: string[];
  /** The built web app; by default the gateway finds dist/web. */
  webRoot?: string;
}

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: { accounts: string; network: string; settlement: string };
  close(): Promise<void>;
}

/**
 * Starts every subgraph and then the gateway in this process, each on its own port, talking real
 * HTTP to each other exactly as they do when each runs alone. Migrations must have run before.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const started: INestApplication[] = [];
  const listenOptions = (port: number, host = '127.0.0.1') => ({ host, port, logLevels: options.logLevels });
  const subgraphUrls = { accounts: '', network: '', settlement: '' };
  let gatewayPort: number;
  try {
    const accounts = await startFastifyApp(
      AccountsModule.forRoot({
        databaseUrl: options.databaseUrls.accounts,
        poolSize: options.poolSize,
        keys: options.keys,
        internalApiKey: options.internalApiKey,
        // Known once the network subgraph listens, just below.
        networkUrl: () => subgraphUrls.network,
        production: options.production,
        login: options.login,
        passwordHashCost: options.passwordHashCost,
      }),
      listenOptions(options.ports.accounts),
    );
    started.push(accounts);
    subgraphUrls.accounts = `http://127.0.0.1:${boundPort(accounts)}`;

    const network = await startFastifyApp(
      NetworkModule.forRoot({
        databaseUrl: options.databaseUrls.network,
        poolSize: options.poolSize,
        accessTokenKeys: { kid: options.keys.kid, publicKey: options.keys.publicKey },
        accountsUrl: subgraphUrls.accounts,
        // Settlement reads this subgraph's outbox, so it starts after it; by the first request it listens.
        settlementUrl: () => subgraphUrls.settlement,
        internalApiKey: options.internalApiKey,
        qrKeyEncryptionSecret: options.qrKeyEncryptionSecret,
        production: options.production,
      }),
      listenOptions(options.ports.network),
    );
    started.push(network);
    subgraphUrls.network = `http://127.0.0.1:${boundPort(network)}`;

    const settlement = await startFastifyApp(
      SettlementModule.forRoot({
        databaseUrl: options.databaseUrls.settlement,
        poolSize: options.poolSize,
        accessTokenKeys: { kid: options.keys.kid, publicKey: options.keys.publicKey },
        networkUrl: subgraphUrls.network,
        internalApiKey: options.internalApiKey,
        production: options.production,
      }),
      listenOptions(options.ports.settlement),
    );
    started.push(settlement);
    subgraphUrls.settlement = `http://127.0.0.1:${boundPort(settlement)}`;

    const gateway = await startFastifyApp(
      GatewayModule.forRoot({
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls,
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
  return {
    gatewayUrl: `http://${shownHost}:${gatewayPort}/graphql`,
    subgraphUrls,
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
