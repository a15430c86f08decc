import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganizationEntity } from './organization.entity';
import { NetworkOrganizationsResolver, OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity], NETWORK_DATA_SOURCE), AccessModule, NetworksModule],
  providers: [OrganizationsService, OrganizationsResolver, NetworkOrganizationsResolver],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
