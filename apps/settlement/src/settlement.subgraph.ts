import type { SubgraphDescriptor } from '@passerelle/subgraph';
import { settlementDatabase } from './settlement.database';
import { SettlementModule } from './settlement.module';

/** The settlement subgraph: charges from the network's visit stream, periods, statements, transfers. */
export const settlementSubgraph: SubgraphDescriptor = {
  name: 'settlement',
  requiredSettings: ['NETWORK_URL'],
  database: settlementDatabase,
  module: (settings) =>
    SettlementModule.forRoot({
      databaseUrl: settings.databaseUrl,
      poolSize: settings.poolSize,
      // It verifies user tokens, it never signs them.
      accessTokenKeys: { kid: settings.keys.kid, publicKey: settings.keys.publicKey },
      networkUrl: settings.urlOf('network'),
      internalApiKey: settings.internalApiKey,
      production: settings.production,
      schemaOnly: settings.schemaOnly,
    }),
};
