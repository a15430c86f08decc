import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { NetworksModule } from '../networks/networks.module';
import { SpacesModule } from '../spaces/spaces.module';
import { UserRolesResolver } from '../users/user-roles.resolver';
import { AccountsClient } from './accounts.client';
import { RolesResolver } from './roles.resolver';
import { RolesService } from './roles.service';

@Module({
  imports: [AccessModule, NetworksModule, SpacesModule],
  providers: [RolesService, RolesResolver, UserRolesResolver, AccountsClient],
  exports: [AccountsClient],
})
export class RolesModule {}
