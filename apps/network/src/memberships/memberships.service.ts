import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUniqueViolation, isUuid } from '@passerelle/database';
import { NotFoundError } from '@passerelle/graphql';
import { In, Repository } from 'typeorm';
import { NetworksService } from '../networks/networks.service';
import { SpaceEntity } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { RequestMembershipInput } from './dto/request-membership.input';
import { MembershipStatus } from './membership-status';
import { MembershipEntity } from './membership.entity';
import { MembershipAlreadyRequestedError } from './memberships.errors';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

@Injectable()
export class MembershipsService {
  constructor(
    @InjectRepository(MembershipEntity, NETWORK_DATA_SOURCE) private readonly memberships: Repository<MembershipEntity>,
    private readonly networks: NetworksService,
    private readonly spaces: SpacesService,
  ) {}

  async request(input: RequestMembershipInput): Promise<MembershipEntity> {
    const [network, space] = await Promise.all([
      this.networks.findById(input.networkId),
      this.spaces.findById(input.spaceId),
    ]);
    if (!network) throw new NotFoundError('Network', input.networkId);
    if (!space) throw new NotFoundError('Space', input.spaceId);
    try {
      return await this.memberships.save(
        this.memberships.create({
          networkId: network.id,
          spaceId: space.id,
          status: MembershipStatus.PENDING,
          nomadSeats: input.nomadSeats ?? null,
          creditsPerDay: input.creditsPerDay,
          joinedAt: null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_network_space_key')) {
        throw new MembershipAlreadyRequestedError(space.name, network.name);
      }
      throw error;
    }
  }

  async approve(id: string): Promise<MembershipEntity> {
    const membership = await this.get(id);
    return this.setStatus(membership.id, MembershipStatus.ACTIVE);
  }

  async suspend(id: string): Promise<MembershipEntity> {
    const membership = await this.get(id);
    return this.setStatus(membership.id, MembershipStatus.SUSPENDED);
  }

  /** The space's ACTIVE membership in the network, if any. */
  findActive(networkId: string, spaceId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOneBy({ networkId, spaceId, status: MembershipStatus.ACTIVE });
  }

  async byNetworkIds(networkIds: readonly string[]): Promise<MembershipEntity[][]> {
    const rows = await this.memberships.find({
      where: { networkId: In([...networkIds]) },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(networkIds, rows, (row) => row.networkId);
  }

  async bySpaceIds(spaceIds: readonly string[]): Promise<MembershipEntity[][]> {
    const rows = await this.memberships.find({
      where: { spaceId: In([...spaceIds]) },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(spaceIds, rows, (row) => row.spaceId);
  }

  /** The spaces whose membership is ACTIVE, per network, by name. */
  async activeSpacesByNetworkIds(networkIds: readonly string[]): Promise<SpaceEntity[][]> {
    const rows = await this.memberships.find({
      where: { networkId: In([...networkIds]), status: MembershipStatus.ACTIVE },
      relations: { space: true },
      order: { space: { name: 'ASC' } },
    });
    return groupBy(networkIds, rows, (row) => row.networkId).map((group) => group.map((row) => row.space!));
  }

  private async get(id: string): Promise<MembershipEntity> {
    const membership = isUuid(id) ? await this.memberships.findOneBy({ id }) : null;
    if (!membership) throw new NotFoundError('Membership', id);
    return membership;
  }

  /** One conditional statement; the first activation stamps joinedAt, later ones keep it. */
  private async setStatus(id: string, status: MembershipStatus): Promise<MembershipEntity> {
    await this.memberships
      .createQueryBuilder()
      .update()
      .set({
        status,
        ...(status === MembershipStatus.ACTIVE ? { joinedAt: () => 'coalesce(joined_at, now())' } : {}),
      })
      .where('id = :id', { id })
      .execute();
    return this.memberships.findOneByOrFail({ id });
  }
}
