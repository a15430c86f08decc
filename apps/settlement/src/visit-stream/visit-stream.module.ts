import { Module } from '@nestjs/common';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
import { VisitPeriodResolver } from './visit-period.resolver';
import { VisitPeriodsController } from './visit-periods.controller';
import { VisitPeriodsService } from './visit-periods.service';
import { VisitStreamConsumer } from './visit-stream.consumer';

/** The network subgraph's visit events, recorded as charges; and the period each visit is settled in. */
@Module({
  controllers: [VisitPeriodsController],
  providers: [VisitStreamConsumer, VisitPeriodsService, VisitPeriodResolver, NetworkDirectoryClient],
  exports: [VisitStreamConsumer],
})
export class VisitStreamModule {}
