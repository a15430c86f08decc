import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@passerelle/auth';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { RoleGrantEntity } from '../access/role-grant.entity';
import { NetworkEntity } from '../networks/network.entity';
import { Network } from '../networks/network.model';
import { NetworksService } from '../networks/networks.service';
import { SpaceEntity } from '../spaces/space.entity';
import { Space } from '../spaces/space.model';
import { SpacesService } from '../spaces/spaces.service';
import { GrantRoleInput } from './dto/grant-role.input';
import { RoleGrant } from './role-grant.model';
import { RolesService } from './roles.service';

@Resolver(() => RoleGrant)
export class RolesResolver {
  constructor(
    private readonly roles: RolesService,
    private readonly networks: NetworksService,
    private readonly spaces: SpacesService,
  ) {}

  // Which role decides depends on the role granted: the service asks the catalogue once it knows.
  @Allow(Permission.SIGNED_IN)
  @Mutation(() => RoleGrant, {
    description:
      'Network admins grant NETWORK_ADMIN on their network; space operators grant SPACE_OPERATOR on their space',
  })
  grantRole(@Args('input') input: GrantRoleInput, @Context() context: RequestContext): Promise<RoleGrantEntity> {
    return this.roles.grant(input, context);
  }

  @ResolveField(() => Network, { nullable: true })
  network(@Parent() grant: RoleGrantEntity, @Context() context: object): Promise<NetworkEntity | null> | null {
    return grant.networkId ? this.networks.load(context, grant.networkId) : null;
  }

  @ResolveField(() => Space, { nullable: true })
  space(@Parent() grant: RoleGrantEntity, @Context() context: object): Promise<SpaceEntity | null> | null {
    return grant.spaceId ? this.spaces.load(context, grant.spaceId) : null;
  }
}
