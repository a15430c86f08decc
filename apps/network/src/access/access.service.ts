import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { ForbiddenError } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { Role } from './role';
import { RoleGrantEntity } from './role-grant.entity';
import { NETWORK_DATA_SOURCE } from '../network.database';

/**
 * Who may do what on a network or a space. Every mutation and every field that shows private data
 * asks here; `action` completes the sentence "Only … may <action>." shown to the caller.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectRepository(RoleGrantEntity, NETWORK_DATA_SOURCE) private readonly grants: Repository<RoleGrantEntity>,
  ) {}

  async isNetworkAdmin(userId: string, networkId: string): Promise<boolean> {
    return isUuid(networkId) && this.grants.existsBy({ userId, networkId, role: Role.NETWORK_ADMIN });
  }

  async isSpaceOperator(userId: string, spaceId: string): Promise<boolean> {
    return isUuid(spaceId) && this.grants.existsBy({ userId, spaceId, role: Role.SPACE_OPERATOR });
  }

  /** The caller's user id when they administer the network; FORBIDDEN otherwise. */
  async requireNetworkAdmin(caller: Caller, networkId: string, action: string): Promise<string> {
    const userId = requireUser(caller);
    if (!(await this.isNetworkAdmin(userId, networkId))) {
      throw new ForbiddenError(`Only an admin of this network may ${action}.`);
    }
    return userId;
  }

  /** The caller's user id when they operate the space; FORBIDDEN otherwise. */
  async requireSpaceOperator(caller: Caller, spaceId: string, action: string): Promise<string> {
    const userId = requireUser(caller);
    if (!(await this.isSpaceOperator(userId, spaceId))) {
      throw new ForbiddenError(`Only an operator of this space may ${action}.`);
    }
    return userId;
  }

  async requireNetworkAdminOrSpaceOperator(
    caller: Caller,
    scope: { networkId: string; spaceId: string },
    action: string,
  ): Promise<string> {
    const userId = requireUser(caller);
    const [admin, operator] = await Promise.all([
      this.isNetworkAdmin(userId, scope.networkId),
      this.isSpaceOperator(userId, scope.spaceId),
    ]);
    if (!admin && !operator) {
      throw new ForbiddenError(`Only an admin of the network or an operator of the space may ${action}.`);
    }
    return userId;
  }

  grantsOf(userId: string): Promise<RoleGrantEntity[]> {
    return this.grants.find({ where: { userId }, order: { grantedAt: 'ASC' } });
  }
}
