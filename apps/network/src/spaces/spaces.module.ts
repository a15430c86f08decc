import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpaceEntity } from './space.entity';
import { SpacesResolver } from './spaces.resolver';
import { SpacesService } from './spaces.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Module({
  imports: [TypeOrmModule.forFeature([SpaceEntity], NETWORK_DATA_SOURCE)],
  providers: [SpacesService, SpacesResolver],
  exports: [SpacesService],
})
export class SpacesModule {}
