import { SUBGRAPH_NAMES, SubgraphName } from '@passerelle/config';
import type { SubgraphDescriptor } from '@passerelle/subgraph';
import { accountsSubgraph } from '../../accounts/src/accounts.subgraph';
import { networkSubgraph } from '../../network/src/network.subgraph';
import { settlementSubgraph } from '../../settlement/src/settlement.subgraph';

const BY_NAME: Record<SubgraphName, SubgraphDescriptor> = {
  accounts: accountsSubgraph,
  network: networkSubgraph,
  settlement: settlementSubgraph,
};

/**
 * Every subgraph's descriptor, in SUBGRAPH_NAMES' order (the order they start in). The launcher,
 * the supergraph composition, the migrations and the tests iterate this list.
 */
export const SUBGRAPHS: readonly SubgraphDescriptor[] = SUBGRAPH_NAMES.map((name) => {
  if (BY_NAME[name].name !== name) throw new Error(`The descriptor listed as ${name} is ${BY_NAME[name].name}.`);
  return BY_NAME[name];
});
