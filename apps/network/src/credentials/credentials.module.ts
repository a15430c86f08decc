import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { NetworksModule } from '../networks/networks.module';
import { JwksController } from './jwks.controller';
import { NetworkKeyEntity } from './network-key.entity';
import { NetworkKeysResolver } from './network-keys.resolver';
import { NetworkKeysService } from './network-keys.service';
import { PassQrService } from './pass-qr.service';
import { QrImagePool } from './qr-image-pool';

/** Networks' QR signing keys: signing, verifying, rotating and publishing them. */
@Module({
  imports: [TypeOrmModule.forFeature([NetworkKeyEntity], NETWORK_DATA_SOURCE), AccessModule, NetworksModule],
  controllers: [JwksController],
  providers: [NetworkKeysService, NetworkKeysResolver, PassQrService, QrImagePool],
  exports: [NetworkKeysService, PassQrService],
})
export class CredentialsModule {}
