import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IdPipe, requestLoader } from '@passerelle/graphql';
import { NetworkEntity } from '../networks/network.entity';
import { Network } from '../networks/network.model';
import { NetworksService } from '../networks/networks.service';
import { SpaceEntity } from '../spaces/space.entity';
import { Space } from '../spaces/space.model';
import { SpacesService } from '../spaces/spaces.service';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { RequestMembershipInput } from './dto/request-membership.input';
import { MembershipStatus } from './membership-status';
import { MembershipEntity } from './membership.entity';
import { Membership } from './membership.model';
import { MembershipsService } from './memberships.service';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly networks: NetworksService,
    private readonly spaces: SpacesService,
  ) {}

  @Allow(Permission.OPERATE_SPACE, { resource: 'input.spaceId', action: 'ask for it to join a network' })
  @Mutation(() => Membership, { description: 'A space operator asks for the space to join a network; starts PENDING' })
  requestMembership(@Args('input') input: RequestMembershipInput): Promise<MembershipEntity> {
    return this.memberships.request(input);
  }

  @Allow(Permission.ADMINISTER_NETWORK, { resource: 'membershipId', from: 'membership', action: 'approve its members' })
  @Mutation(() => Membership, { description: 'Network admin: the membership becomes ACTIVE' })
  approveMembership(@Args('membershipId', { type: () => ID }, IdPipe) membershipId: string): Promise<MembershipEntity> {
    return this.memberships.approve(membershipId);
  }

  @Allow(Permission.SUSPEND_MEMBERSHIP, { resource: 'membershipId', action: 'suspend this membership' })
  @Mutation(() => Membership, {
    description: "Network admin, or the space's operator: the space stops accepting the network's passes",
  })
  suspendMembership(@Args('membershipId', { type: () => ID }, IdPipe) membershipId: string): Promise<MembershipEntity> {
    return this.memberships.suspend(membershipId);
  }

  @ResolveField(() => Network)
  async network(@Parent() membership: MembershipEntity, @Context() context: object): Promise<NetworkEntity> {
    return (await this.networks.load(context, membership.networkId))!;
  }

  @ResolveField(() => Space)
  async space(@Parent() membership: MembershipEntity, @Context() context: object): Promise<SpaceEntity> {
    return (await this.spaces.load(context, membership.spaceId))!;
  }
}

/** The membership fields of Network: who is in it, and which spaces take its passes. */
@Resolver(() => Network)
export class NetworkMembershipsResolver {
  constructor(private readonly service: MembershipsService) {}

  @ResolveField(() => [Membership])
  async memberships(
    @Parent() network: NetworkEntity,
    @Context() context: object,
    @Args('status', { type: () => MembershipStatus, nullable: true }) status?: MembershipStatus,
  ): Promise<MembershipEntity[]> {
    const all = await requestLoader(context, 'membershipsByNetwork', (ids) => this.service.byNetworkIds(ids)).load(
      network.id,
    );
    return status ? all!.filter((membership) => membership.status === status) : all!;
  }

  @ResolveField(() => [Space], { description: 'The spaces whose membership is ACTIVE' })
  async spaces(@Parent() network: NetworkEntity, @Context() context: object): Promise<SpaceEntity[]> {
    const spaces = await requestLoader(context, 'activeSpacesByNetwork', (ids) =>
      this.service.activeSpacesByNetworkIds(ids),
    ).load(network.id);
    return spaces!;
  }
}

@Resolver(() => Space)
export class SpaceMembershipsResolver {
  constructor(private readonly service: MembershipsService) {}

  @ResolveField(() => [Membership])
  async memberships(@Parent() space: SpaceEntity, @Context() context: object): Promise<MembershipEntity[]> {
    const memberships = await requestLoader(context, 'membershipsBySpace', (ids) => this.service.bySpaceIds(ids)).load(
      space.id,
    );
    return memberships!;
  }
}
