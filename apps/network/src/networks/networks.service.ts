import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder, isUniqueViolation, isUuid } from '@passerelle/database';
import { requestLoader } from '@passerelle/graphql';
import { DataSource, Repository } from 'typeorm';
import { Role } from '../access/role';
import { RoleGrantEntity } from '../access/role-grant.entity';
import { RegisterNetworkInput } from './dto/register-network.input';
import { NetworkEntity } from './network.entity';
import { NetworkSlugTakenError } from './networks.errors';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Injectable()
export class NetworksService {
  constructor(
    @InjectRepository(NetworkEntity, NETWORK_DATA_SOURCE) private readonly networks: Repository<NetworkEntity>,
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Creates the network and makes its founder its first admin, both or neither. */
  async register(input: RegisterNetworkInput, founderId: string): Promise<NetworkEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const network = await manager.save(manager.create(NetworkEntity, input));
        await manager.insert(RoleGrantEntity, { userId: founderId, role: Role.NETWORK_ADMIN, networkId: network.id });
        return network;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'networks_slug_key')) {
        throw new NetworkSlugTakenError(input.slug);
      }
      throw error;
    }
  }

  all(): Promise<NetworkEntity[]> {
    return this.networks.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  async findById(id: string): Promise<NetworkEntity | null> {
    return isUuid(id) ? this.networks.findOneBy({ id }) : null;
  }

  findBySlug(slug: string): Promise<NetworkEntity | null> {
    return this.networks.findOneBy({ slug });
  }

  findByIds(ids: readonly string[]): Promise<Array<NetworkEntity | null>> {
    return findByIdsInOrder(this.networks, ids);
  }

  /** By id, batched with every other lookup of the same request. */
  load(context: object, id: string): Promise<NetworkEntity | null> {
    return requestLoader(context, 'network', (ids) => this.findByIds(ids)).load(id);
  }
}
