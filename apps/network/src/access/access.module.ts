import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { RoleGrantEntity } from './role-grant.entity';
import { NETWORK_DATA_SOURCE } from '../network.database';

/** Role grants and the checks built on them, used by every other feature of the subgraph. */
@Module({
  imports: [TypeOrmModule.forFeature([RoleGrantEntity], NETWORK_DATA_SOURCE)],
  providers: [AccessService],
  exports: [AccessService, TypeOrmModule],
})
export class AccessModule {}
