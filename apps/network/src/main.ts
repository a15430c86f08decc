import { parseKeys } from '@passerelle/auth';
import { appLogLevels, loadConfig } from '@passerelle/config';
import { runMigrations } from '@passerelle/database';
import { startFastifyApp } from '@passerelle/graphql';
import { networkDatabase } from './network.database';
import { NetworkModule } from './network.module';

/** The network subgraph alone (production: one container per app). Migrates its schema, then serves. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, [
    'DATABASE_URL',
    'ACCESS_TOKEN_PUBLIC_KEY',
    'INTERNAL_API_KEY',
    'ACCOUNTS_URL',
    'SETTLEMENT_URL',
    'QR_KEY_ENCRYPTION_SECRET',
  ]);
  const databaseUrl = config.database.url!;
  await runMigrations(networkDatabase(databaseUrl));
  const listen = {
    host: config.server.host,
    port: config.ports.network,
    logLevels: appLogLevels(config.server.logLevel),
  };
  const app = await startFastifyApp(
    NetworkModule.forRoot({
      databaseUrl,
      poolSize: config.database.poolSize,
      accessTokenKeys: parseKeys(config.tokens.accessPublicKeyPem!),
      accountsUrl: config.urls.accounts,
      settlementUrl: config.urls.settlement,
      internalApiKey: config.tokens.internalApiKey!,
      qrKeyEncryptionSecret: config.tokens.qrKeyEncryptionSecret!,
      production: config.server.production,
    }),
    listen,
  );
  app.enableShutdownHooks();
  console.log(`network subgraph listening on http://${listen.host}:${listen.port}/graphql`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
