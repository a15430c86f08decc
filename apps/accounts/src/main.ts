import { parseKeys } from '@passerelle/auth';
import { appLogLevels, loadConfig } from '@passerelle/config';
import { runMigrations } from '@passerelle/database';
import { startFastifyApp } from '@passerelle/graphql';
import { accountsDatabase } from './accounts.database';
import { AccountsModule } from './accounts.module';

/** The accounts subgraph alone (production: one container per app). Migrates its schema, then serves. */
async function main(): Promise<void> {
  const config = loadConfig(
    process.env,
    ['DATABASE_URL', 'ACCESS_TOKEN_PRIVATE_KEY', 'ACCESS_TOKEN_PUBLIC_KEY', 'INTERNAL_API_KEY'],
    ['MAIL_URL'],
  );
  const databaseUrl = config.database.url!;
  await runMigrations(accountsDatabase(databaseUrl));
  const listen = {
    host: config.server.host,
    port: config.ports.accounts,
    logLevels: appLogLevels(config.server.logLevel),
  };
  const app = await startFastifyApp(
    AccountsModule.forRoot({
      databaseUrl,
      poolSize: config.database.poolSize,
      keys: parseKeys(config.tokens.accessPublicKeyPem!, config.tokens.accessPrivateKeyPem),
      internalApiKey: config.tokens.internalApiKey!,
      networkUrl: () => config.urls.network,
      production: config.server.production,
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
  console.log(`accounts subgraph listening on http://${listen.host}:${listen.port}/graphql`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
