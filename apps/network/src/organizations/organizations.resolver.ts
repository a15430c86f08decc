import { Args, Context, Mutation, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@passerelle/auth';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { NetworkEntity } from '../networks/network.entity';
import { Network } from '../networks/network.model';
import { NetworksService } from '../networks/networks.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationEntity } from './organization.entity';
import { Organization } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly networks: NetworksService,
  ) {}

  @Allow(Permission.ADMINISTER_NETWORK, { resource: 'input.networkId', action: 'add organizations' })
  @Mutation(() => Organization, {
    description: "Network admin: an employer billed for its employees' visits (CORPORATE passes)",
  })
  createOrganization(
    @Args('input') input: CreateOrganizationInput,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganizationEntity> {
    return this.organizations.create(input, caller);
  }

  @ResolveField(() => Network)
  async network(@Parent() organization: OrganizationEntity, @Context() context: object): Promise<NetworkEntity> {
    return (await this.networks.load(context, organization.networkId))!;
  }

  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @Context() context: object,
  ): Promise<OrganizationEntity | null> {
    return this.organizations.visible(context, reference.id);
  }
}

@Resolver(() => Network)
export class NetworkOrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @ResolveField(() => [Organization], { description: "The network's employers; empty unless the caller is its admin" })
  organizations(@Parent() network: NetworkEntity, @Context() context: object): Promise<OrganizationEntity[]> {
    return this.service.visibleInNetwork(context, network.id);
  }
}
