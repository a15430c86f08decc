import { Module } from '@nestjs/common';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
import { VisitStreamModule } from '../visit-stream/visit-stream.module';
import { VisitPeriodResolver } from './visit-period.resolver';
import { VisitPeriodsController } from './visit-periods.controller';
import { VisitPeriodsService } from './visit-periods.service';

/** The period each visit is settled in: `Visit.periodMonth`, and the moved visits of a month. */
@Module({
  imports: [VisitStreamModule],
  controllers: [VisitPeriodsController],
  providers: [VisitPeriodsService, VisitPeriodResolver, NetworkDirectoryClient],
})
export class VisitPeriodsModule {}
