import { Logger } from '@nestjs/common';
import { parseKeys } from '@passerelle/auth';
import { appLogLevels, loadConfig, logLevels } from '@passerelle/config';
import { EmbeddedDatabase, runMigrations, startEmbeddedPostgres } from '@passerelle/database';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { printDemo, readDemo, seedDemo } from './demo-seed';
import { localAccessTokenKeys, localQrKeyEncryptionSecret } from './local-secrets';
import { startStack, SubgraphDatabaseUrls } from './stack';
import { SUBGRAPHS } from './subgraphs';

/**
 * `npm start`: everything in one process. A real PostgreSQL (embedded, data in DATA_DIR) unless
 * DATABASE_URL names another, every migration, the subgraphs and the gateway, and on a new embedded
 * database a demo network to try.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig(process.env, [], ['QR_KEY_ENCRYPTION_SECRET', 'MAIL_URL']);
  Logger.overrideLogger(logLevels(config.server.logLevel));
  // The launcher's own lines are for the person at the terminal: plain text, whatever the apps' log
  // level (the Nest apps narrow the shared logger when they start).
  const logger = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const dataDir = resolve(config.database.dataDir);

  let stopping = false;
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  let embedded: EmbeddedDatabase | undefined;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down…`);
    await stack?.close().catch((error: Error) => logger.error(`While closing the servers: ${error.message}`));
    await embedded?.stop().catch((error: Error) => logger.error(`While stopping PostgreSQL: ${error.message}`));
    logger.log('Stopped.');
    process.exit(exitCode);
  };
  if (!config.database.url) {
    logger.log(`Starting PostgreSQL (data in ${dataDir})…`);
    embedded = await startEmbeddedPostgres({
      dataDir,
      // A dead database is restarted: meanwhile /health says so and requests fail with an error.
      onServerEvent: (event) => {
        if (event.state === 'down') logger.error(`PostgreSQL stopped (${event.reason}): restarting it…`);
        if (event.state === 'up') logger.log('PostgreSQL is running again.');
        if (event.state === 'lost') {
          logger.error(`PostgreSQL stopped (${event.reason}), so Passerelle stops too.`);
          void shutdown('PostgreSQL lost', 1);
        }
      },
    });
    logger.log(embedded.created ? 'Created a new database.' : 'Reusing the existing database.');
  }
  // `on`, not `once`: a second signal (npm forwards its own, Ctrl-C twice) must not cut the shutdown short.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const databaseUrls = {} as SubgraphDatabaseUrls;
    for (const { name, database } of SUBGRAPHS) {
      // Embedded: each subgraph as the role that owns its schema. DATABASE_URL: that one role for all.
      const url = embedded ? await embedded.schemaOwnerUrl(database('').schema) : config.database.url!;
      databaseUrls[name] = url;
      const ran = await runMigrations(database(url));
      if (ran.length) logger.log(`Migrated ${name}: ${ran.join(', ')}`);
    }
    const pair = localAccessTokenKeys(dataDir, {
      privateKeyPem: config.tokens.accessPrivateKeyPem,
      publicKeyPem: config.tokens.accessPublicKeyPem,
    });
    stack = await startStack({
      databaseUrls,
      ports: config.ports,
      gatewayHost: config.server.host,
      keys: parseKeys(pair.publicKeyPem, pair.privateKeyPem),
      // Only this process's own servers talk to each other: a fresh key each start is enough.
      internalApiKey: config.tokens.internalApiKey ?? randomBytes(32).toString('hex'),
      qrKeyEncryptionSecret: localQrKeyEncryptionSecret(dataDir, config.tokens.qrKeyEncryptionSecret),
      production: config.server.production,
      logLevels: appLogLevels(config.server.logLevel),
      login: config.login,
      passwordHashCost: config.passwords.hashCost,
      poolSize: config.database.poolSize,
      mail: config.mail,
      corsOrigins: config.web.corsOrigins,
    });
    // The demo belongs to the embedded database alone: a DATABASE_URL server is never seeded.
    if (embedded?.created && config.database.seedDemo) {
      logger.log('Seeding the demo network (Toulouse)…');
      await seedDemo(stack.gatewayUrl, dataDir);
    }
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await shutdown('Start-up failed', 1);
    return;
  }

  const demo = embedded ? readDemo(dataDir) : undefined;
  if (demo) printDemo(demo, stack.gatewayUrl);
  // Without an SMTP server mail stays in the database: the dev mailbox is a query of the API.
  if (!config.mail.url) {
    logger.log(`Mail is not sent: read it at ${stack.gatewayUrl} with { devMailbox(to: "…") { subject links } }`);
  }
  logger.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: GraphQL at ${stack.gatewayUrl}`);
}

main().catch((error: unknown) => {
  // What stops a start (a bad variable, a directory PostgreSQL cannot enter) is said in words, no trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
