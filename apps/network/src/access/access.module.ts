import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { RoleGrantEntity } from './role-grant.entity';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

/**
 * Role grants and the permission catalogue built on them. Global: every resolver of the subgraph
 * declares its rule with `@Allow`, whose guard needs the service wherever it is used.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RoleGrantEntity], NETWORK_DATA_SOURCE)],
  providers: [AccessService, AccessGuard],
  exports: [AccessService, AccessGuard, TypeOrmModule],
})
export class AccessModule {}
