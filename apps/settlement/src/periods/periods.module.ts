import { Module } from '@nestjs/common';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
import { VisitStreamModule } from '../visit-stream/visit-stream.module';
import { PeriodsResolver } from './periods.resolver';
import { PeriodsService } from './periods.service';

/** Periods: live and frozen figures, statements, obligations, transfers, CSV; closing a month. */
@Module({
  imports: [VisitStreamModule],
  providers: [PeriodsService, PeriodsResolver, NetworkDirectoryClient],
})
export class PeriodsModule {}
