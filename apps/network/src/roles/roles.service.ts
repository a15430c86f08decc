import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RequestContext } from '@passerelle/auth';
import { BadUserInputError, NotFoundError } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permissions';
import { Role } from '../access/role';
import { RoleGrantEntity } from '../access/role-grant.entity';
import { NetworksService } from '../networks/networks.service';
import { SpacesService } from '../spaces/spaces.service';
import { AccountsClient } from './accounts.client';
import { GrantRoleInput } from './dto/grant-role.input';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Injectable()
export class RolesService {
  constructor(
    @InjectRepository(RoleGrantEntity, NETWORK_DATA_SOURCE) private readonly grants: Repository<RoleGrantEntity>,
    private readonly access: AccessService,
    private readonly networks: NetworksService,
    private readonly spaces: SpacesService,
    private readonly accounts: AccountsClient,
  ) {}

  /**
   * Network admins grant NETWORK_ADMIN on their network, space operators SPACE_OPERATOR on their
   * space. Granting a role the person already has returns that grant.
   */
  async grant(input: GrantRoleInput, context: RequestContext): Promise<RoleGrantEntity> {
    const { caller } = context;
    const scope = await this.checkScope(input, context);
    const { userId } = await this.accounts.accountFor(input.email, {
      kind: 'role',
      role: input.role,
      scopeName: scope.name,
    });
    await this.grants
      .createQueryBuilder()
      .insert()
      .values({
        userId,
        role: input.role,
        networkId: scope.networkId,
        spaceId: scope.spaceId,
        grantedBy: caller.kind === 'user' ? caller.userId : null,
      })
      .orIgnore()
      .execute();
    return this.grants.findOneByOrFail(
      scope.networkId
        ? { userId, role: input.role, networkId: scope.networkId }
        : { userId, role: input.role, spaceId: scope.spaceId! },
    );
  }

  private async checkScope(
    input: GrantRoleInput,
    context: RequestContext,
  ): Promise<{ networkId: string | null; spaceId: string | null; name: string }> {
    if (input.role === Role.NETWORK_ADMIN) {
      if (!input.networkId)
        throw new BadUserInputError('networkId', 'NETWORK_ADMIN is granted on a network: give networkId.');
      if (input.spaceId) throw new BadUserInputError('spaceId', 'NETWORK_ADMIN is granted on a network, not a space.');
      const network = await this.networks.findById(input.networkId);
      if (!network) throw new NotFoundError('Network', input.networkId);
      await this.access.require(context, Permission.ADMINISTER_NETWORK, { networkId: network.id }, 'make other admins');
      return { networkId: network.id, spaceId: null, name: network.name };
    }
    if (!input.spaceId) throw new BadUserInputError('spaceId', 'SPACE_OPERATOR is granted on a space: give spaceId.');
    if (input.networkId)
      throw new BadUserInputError('networkId', 'SPACE_OPERATOR is granted on a space, not a network.');
    const space = await this.spaces.findById(input.spaceId);
    if (!space) throw new NotFoundError('Space', input.spaceId);
    await this.access.require(context, Permission.OPERATE_SPACE, { spaceId: space.id }, 'make other operators');
    return { networkId: null, spaceId: space.id, name: space.name };
  }
}
