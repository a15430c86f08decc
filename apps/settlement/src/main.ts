import { runSubgraph } from '@passerelle/subgraph';
import { settlementSubgraph } from './settlement.subgraph';

runSubgraph(settlementSubgraph);
