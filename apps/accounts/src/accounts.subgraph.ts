import { required, type SubgraphDescriptor } from '@passerelle/subgraph';
import { accountsDatabase } from './accounts.database';
import { AccountsModule } from './accounts.module';

/** The accounts subgraph: people, passwords, tokens. It signs access tokens, so it holds the private key. */
export const accountsSubgraph: SubgraphDescriptor = {
  name: 'accounts',
  requiredSettings: ['ACCESS_TOKEN_PRIVATE_KEY'],
  requiredInProduction: ['MAIL_URL'],
  database: accountsDatabase,
  module: (settings) =>
    AccountsModule.forRoot({
      databaseUrl: settings.databaseUrl,
      poolSize: settings.poolSize,
      keys: settings.keys,
      internalApiKey: settings.internalApiKey,
      // Network starts after accounts: its URL is read when first needed.
      networkUrl: () => settings.urlOf('network'),
      production: settings.production,
      login: settings.login,
      passwordHashCost: settings.passwordHashCost,
      mail: required(settings.mail, 'MAIL_FROM'),
      schemaOnly: settings.schemaOnly,
    }),
};
