import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { NetworksModule } from '../networks/networks.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartiesService } from '../parties/parties.service';
import { ProductsModule } from '../products/products.module';
import { RolesModule } from '../roles/roles.module';
import { SpacesModule } from '../spaces/spaces.module';
import { PassMonthUsageEntity } from './pass-month-usage.entity';
import { PassEntity } from './pass.entity';
import { PassesResolver, PassQrResolver } from './passes.resolver';
import { PassesService } from './passes.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PassEntity, PassMonthUsageEntity], NETWORK_DATA_SOURCE),
    AccessModule,
    CredentialsModule,
    MembershipsModule,
    NetworksModule,
    OrganizationsModule,
    ProductsModule,
    RolesModule,
    SpacesModule,
  ],
  providers: [PassesService, PassesResolver, PassQrResolver, PartiesService],
  exports: [PassesService, PartiesService],
})
export class PassesModule {}
