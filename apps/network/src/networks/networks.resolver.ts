import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference, Parent } from '@nestjs/graphql';
import { Caller, CurrentCaller, requireUser } from '@passerelle/auth';
import { BadUserInputError, IdPipe } from '@passerelle/graphql';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { SLUG_PATTERN } from '../common/validators';
import { RegisterNetworkInput } from './dto/register-network.input';
import { NetworkEntity } from './network.entity';
import { Network } from './network.model';
import { NetworksService } from './networks.service';

@Resolver(() => Network)
export class NetworksResolver {
  constructor(private readonly service: NetworksService) {}

  @Allow(Permission.PUBLIC)
  @Query(() => [Network], { description: 'Public directory of networks' })
  networks(): Promise<NetworkEntity[]> {
    return this.service.all();
  }

  @Allow(Permission.PUBLIC)
  @Query(() => Network, { nullable: true, description: 'Public; by id or by slug' })
  network(
    @Args('id', { type: () => ID, nullable: true }, IdPipe) id?: string,
    @Args('slug', { nullable: true }) slug?: string,
  ): Promise<NetworkEntity | null> {
    if (id) return this.service.findById(id);
    // A slug that no registration would take cannot name anything: the client's mistake, said so.
    if (slug && !SLUG_PATTERN.test(slug))
      throw new BadUserInputError('slug', 'slug must be 3 to 63 lowercase letters, digits or hyphens.');
    if (slug) return this.service.findBySlug(slug);
    throw new BadUserInputError('id', 'Give the network id or its slug.');
  }

  @Allow(Permission.SIGNED_IN)
  @Mutation(() => Network, { description: "The caller becomes the network's NETWORK_ADMIN" })
  registerNetwork(@Args('input') input: RegisterNetworkInput, @CurrentCaller() caller: Caller): Promise<NetworkEntity> {
    return this.service.register(input, requireUser(caller));
  }

  /** Networks are public, as in the `network` query. */
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }, @Context() context: object): Promise<NetworkEntity | null> {
    return this.service.load(context, reference.id);
  }
}
