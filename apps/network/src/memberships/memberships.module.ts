import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { NetworksModule } from '../networks/networks.module';
import { SpacesModule } from '../spaces/spaces.module';
import { MembershipEntity } from './membership.entity';
import { MembershipsResolver, NetworkMembershipsResolver, SpaceMembershipsResolver } from './memberships.resolver';
import { MembershipsService } from './memberships.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Module({
  imports: [
    TypeOrmModule.forFeature([MembershipEntity], NETWORK_DATA_SOURCE),
    AccessModule,
    NetworksModule,
    SpacesModule,
  ],
  providers: [MembershipsService, MembershipsResolver, NetworkMembershipsResolver, SpaceMembershipsResolver],
  exports: [MembershipsService],
})
export class MembershipsModule {}
