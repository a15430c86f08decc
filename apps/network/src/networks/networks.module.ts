import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NetworkEntity } from './network.entity';
import { NetworksResolver } from './networks.resolver';
import { NetworksService } from './networks.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Module({
  imports: [TypeOrmModule.forFeature([NetworkEntity], NETWORK_DATA_SOURCE)],
  providers: [NetworksService, NetworksResolver],
  exports: [NetworksService],
})
export class NetworksModule {}
