import { Module } from '@nestjs/common';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
import { VisitPeriodResolver } from './visit-period.resolver';
import { VisitStreamConsumer } from './visit-stream.consumer';

/** The network subgraph's visit events, recorded as charges; and `Visit.periodMonth`. */
@Module({
  providers: [VisitStreamConsumer, VisitPeriodResolver, NetworkDirectoryClient],
  exports: [VisitStreamConsumer],
})
export class VisitStreamModule {}
