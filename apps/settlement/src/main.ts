import { parseKeys } from '@passerelle/auth';
import { appLogLevels, loadConfig } from '@passerelle/config';
import { runMigrations } from '@passerelle/database';
import { startFastifyApp } from '@passerelle/graphql';
import { settlementDatabase } from './settlement.database';
import { SettlementModule } from './settlement.module';

/** The settlement subgraph alone (production: one container per app). Migrates its schema, then serves. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, [
    'DATABASE_URL',
    'ACCESS_TOKEN_PUBLIC_KEY',
    'INTERNAL_API_KEY',
    'NETWORK_URL',
  ]);
  const databaseUrl = config.database.url!;
  await runMigrations(settlementDatabase(databaseUrl));
  const listen = {
    host: config.server.host,
    port: config.ports.settlement,
    logLevels: appLogLevels(config.server.logLevel),
  };
  const app = await startFastifyApp(
    SettlementModule.forRoot({
      databaseUrl,
      poolSize: config.database.poolSize,
      accessTokenKeys: parseKeys(config.tokens.accessPublicKeyPem!),
      networkUrl: config.urls.network,
      internalApiKey: config.tokens.internalApiKey!,
      production: config.server.production,
    }),
    listen,
  );
  app.enableShutdownHooks();
  console.log(`settlement subgraph listening on http://${listen.host}:${listen.port}/graphql`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
