import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder, isUniqueViolation, isUuid } from '@passerelle/database';
import { requestLoader } from '@passerelle/graphql';
import { DataSource, Repository } from 'typeorm';
import { Role } from '../access/role';
import { RoleGrantEntity } from '../access/role-grant.entity';
import { RegisterSpaceInput } from './dto/register-space.input';
import { SpaceEntity } from './space.entity';
import { SpaceSlugTakenError } from './spaces.errors';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Injectable()
export class SpacesService {
  constructor(
    @InjectRepository(SpaceEntity, NETWORK_DATA_SOURCE) private readonly spaces: Repository<SpaceEntity>,
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Creates the space and makes the caller its first operator, both or neither. */
  async register(input: RegisterSpaceInput, founderId: string): Promise<SpaceEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const space = await manager.save(
          manager.create(SpaceEntity, {
            ...input,
            address: input.address ?? null,
            latitude: input.latitude ?? null,
            longitude: input.longitude ?? null,
          }),
        );
        await manager.insert(RoleGrantEntity, { userId: founderId, role: Role.SPACE_OPERATOR, spaceId: space.id });
        return space;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'spaces_slug_key')) {
        throw new SpaceSlugTakenError(input.slug);
      }
      throw error;
    }
  }

  async findById(id: string): Promise<SpaceEntity | null> {
    return isUuid(id) ? this.spaces.findOneBy({ id }) : null;
  }

  findBySlug(slug: string): Promise<SpaceEntity | null> {
    return this.spaces.findOneBy({ slug });
  }

  findByIds(ids: readonly string[]): Promise<Array<SpaceEntity | null>> {
    return findByIdsInOrder(this.spaces, ids);
  }

  /** By id, batched with every other lookup of the same request. */
  load(context: object, id: string): Promise<SpaceEntity | null> {
    return requestLoader(context, 'space', (ids) => this.findByIds(ids)).load(id);
  }
}
