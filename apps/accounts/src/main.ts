import { runSubgraph } from '@passerelle/subgraph';
import { accountsSubgraph } from './accounts.subgraph';

runSubgraph(accountsSubgraph);
