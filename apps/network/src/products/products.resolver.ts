import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { NetworkEntity } from '../networks/network.entity';
import { Network } from '../networks/network.model';
import { NetworksService } from '../networks/networks.service';
import { CreatePassProductInput } from './dto/create-pass-product.input';
import { PassProductEntity } from './pass-product.entity';
import { PassProduct } from './pass-product.model';
import { ProductsService } from './products.service';

@Resolver(() => PassProduct)
export class ProductsResolver {
  constructor(
    private readonly products: ProductsService,
    private readonly networks: NetworksService,
  ) {}

  @Allow(Permission.ADMINISTER_NETWORK, { resource: 'input.networkId', action: 'define its pass products' })
  @Mutation(() => PassProduct, { description: 'Network admin' })
  createPassProduct(@Args('input') input: CreatePassProductInput): Promise<PassProductEntity> {
    return this.products.create(input);
  }

  @ResolveField(() => Network)
  async network(@Parent() product: PassProductEntity, @Context() context: object): Promise<NetworkEntity> {
    return (await this.networks.load(context, product.networkId))!;
  }
}

/** The products of a network are public: what a nomad can buy, and at what terms. */
@Resolver(() => Network)
export class NetworkProductsResolver {
  constructor(private readonly service: ProductsService) {}

  @ResolveField(() => [PassProduct])
  products(@Parent() network: NetworkEntity): Promise<PassProductEntity[]> {
    return this.service.ofNetwork(network.id);
  }
}
