import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { NetworksModule } from '../networks/networks.module';
import { PassProductEntity } from './pass-product.entity';
import { NetworkProductsResolver, ProductsResolver } from './products.resolver';
import { ProductsService } from './products.service';

@Module({
  imports: [TypeOrmModule.forFeature([PassProductEntity], NETWORK_DATA_SOURCE), AccessModule, NetworksModule],
  providers: [ProductsService, ProductsResolver, NetworkProductsResolver],
  exports: [ProductsService],
})
export class ProductsModule {}
