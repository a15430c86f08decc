import { Module } from '@nestjs/common';
import { Ledger } from '../ledger/ledger';
import { VisitStreamConsumer } from './visit-stream.consumer';

/** The network subgraph's visit events, read in order and recorded by the ledger. */
@Module({
  providers: [VisitStreamConsumer, Ledger],
  exports: [VisitStreamConsumer],
})
export class VisitStreamModule {}
