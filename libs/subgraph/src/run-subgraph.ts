import { parseKeys } from '@passerelle/auth';
import { appLogLevels, loadConfig } from '@passerelle/config';
import { runMigrations } from '@passerelle/database';
import { startFastifyApp } from '@passerelle/graphql';
import { SubgraphDescriptor } from './subgraph-descriptor';

/**
 * A subgraph alone (production: one container per app), as its `main.ts` starts it: reads and checks
 * the environment, migrates its schema, then serves. A start that fails says why in one message.
 */
export function runSubgraph(subgraph: SubgraphDescriptor): void {
  start(subgraph).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}

async function start(subgraph: SubgraphDescriptor): Promise<void> {
  const config = loadConfig(
    process.env,
    ['DATABASE_URL', 'ACCESS_TOKEN_PUBLIC_KEY', 'INTERNAL_API_KEY', ...subgraph.requiredSettings],
    subgraph.requiredInProduction,
  );
  const databaseUrl = config.database.url!;
  await runMigrations(subgraph.database(databaseUrl));
  const listen = {
    host: config.server.host,
    port: config.ports[subgraph.name],
    logLevels: appLogLevels(config.server.logLevel),
  };
  const app = await startFastifyApp(
    subgraph.module({
      databaseUrl,
      poolSize: config.database.poolSize,
      keys: parseKeys(config.tokens.accessPublicKeyPem!, config.tokens.accessPrivateKeyPem),
      internalApiKey: config.tokens.internalApiKey!,
      urlOf: (name) => config.urls[name],
      production: config.server.production,
      qrKeyEncryptionSecret: config.tokens.qrKeyEncryptionSecret,
      login: config.login,
      passwordHashCost: config.passwords.hashCost,
      mail: {
        url: config.mail.url,
        from: config.mail.from,
        // Behind the gateway, which alone knows its public address: PUBLIC_URL says it.
        publicUrl: () => config.mail.publicUrl ?? `http://localhost:${config.ports.gateway}/`,
      },
    }),
    listen,
  );
  app.enableShutdownHooks();
  console.log(`${subgraph.name} subgraph listening on http://${listen.host}:${listen.port}/graphql`);
}
