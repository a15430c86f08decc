import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { PassesModule } from '../passes/passes.module';
import { SpacesModule } from '../spaces/spaces.module';
import { SettlementPeriodsClient } from './settlement-periods.client';
import { VisitEntity } from './visit.entity';
import { PassVisitsResolver, VisitsResolver } from './visits.resolver';
import { VisitsService } from './visits.service';

@Module({
  imports: [TypeOrmModule.forFeature([VisitEntity], NETWORK_DATA_SOURCE), AccessModule, PassesModule, SpacesModule],
  providers: [VisitsService, SettlementPeriodsClient, VisitsResolver, PassVisitsResolver],
  exports: [VisitsService],
})
export class VisitsModule {}
