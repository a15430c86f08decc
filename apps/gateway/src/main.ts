import { appLogLevels, loadConfig, SUBGRAPH_NAMES, subgraphVariable } from '@passerelle/config';
import { startFastifyApp } from '@passerelle/graphql';
import { readFileSync } from 'node:fs';
import { GatewayModule } from './gateway.module';
import { SUPERGRAPH_PATH } from './supergraph-path';

/** The gateway alone (production): serves the committed supergraph over the subgraphs' URLs. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, [
    ...SUBGRAPH_NAMES.map((name) => subgraphVariable(name, 'URL')),
    'INTERNAL_API_KEY',
  ]);
  const listen = {
    host: config.server.host,
    port: config.ports.gateway,
    logLevels: appLogLevels(config.server.logLevel),
  };
  const app = await startFastifyApp(
    GatewayModule.forRoot({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: config.urls,
      production: config.server.production,
      internalApiKey: config.tokens.internalApiKey!,
      web: { corsOrigins: config.web.corsOrigins },
    }),
    listen,
  );
  app.enableShutdownHooks();
  console.log(`gateway listening on http://${listen.host}:${listen.port}/graphql`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
