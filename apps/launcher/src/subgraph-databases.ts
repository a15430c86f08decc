import { accountsDatabase } from '../../accounts/src/accounts.database';
import { networkDatabase } from '../../network/src/network.database';
import { settlementDatabase } from '../../settlement/src/settlement.database';

/** Every subgraph's database description, by app name. */
export const subgraphDatabases = {
  accounts: accountsDatabase,
  network: networkDatabase,
  settlement: settlementDatabase,
};
