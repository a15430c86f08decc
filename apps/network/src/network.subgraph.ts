import { required, SubgraphDescriptor } from '@passerelle/subgraph';
import { networkDatabase } from './network.database';
import { NetworkModule } from './network.module';

/** The network subgraph: the registry, passes, QR codes, check-ins, visits and their outbox. */
export const networkSubgraph: SubgraphDescriptor = {
  name: 'network',
  requiredSettings: ['ACCOUNTS_URL', 'SETTLEMENT_URL', 'QR_KEY_ENCRYPTION_SECRET'],
  database: networkDatabase,
  module: (settings) =>
    NetworkModule.forRoot({
      databaseUrl: settings.databaseUrl,
      poolSize: settings.poolSize,
      // It verifies user tokens, it never signs them.
      accessTokenKeys: { kid: settings.keys.kid, publicKey: settings.keys.publicKey },
      accountsUrl: settings.urlOf('accounts'),
      // Settlement reads this subgraph's outbox, so it starts after it; by the first request it listens.
      settlementUrl: () => settings.urlOf('settlement'),
      internalApiKey: settings.internalApiKey,
      qrKeyEncryptionSecret: required(settings.qrKeyEncryptionSecret, 'QR_KEY_ENCRYPTION_SECRET'),
      production: settings.production,
      schemaOnly: settings.schemaOnly,
    }),
};
