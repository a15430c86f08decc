import { accountsDatabase } from '../../accounts/src/accounts.database';
import { networkDatabase } from '../../network/src/network.database';

/** Every subgraph's database description, by app name. */
export const subgraphDatabases = {
  accounts: accountsDatabase,
  network: networkDatabase,
};
