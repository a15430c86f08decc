import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { SpacesModule } from '../spaces/spaces.module';
import { ScannerEntity } from './scanner.entity';
import { ScannersResolver } from './scanners.resolver';
import { ScannersService } from './scanners.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Module({
  imports: [TypeOrmModule.forFeature([ScannerEntity], NETWORK_DATA_SOURCE), AccessModule, SpacesModule],
  providers: [ScannersService, ScannersResolver],
  exports: [ScannersService],
})
export class ScannersModule {}
