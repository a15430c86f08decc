import { runSubgraph } from '@passerelle/subgraph';
import { networkSubgraph } from './network.subgraph';

runSubgraph(networkSubgraph);
