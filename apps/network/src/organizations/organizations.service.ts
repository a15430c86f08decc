import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { findByIdsInOrder, isUniqueViolation, isUuid } from '@passerelle/database';
import { NotFoundError, requestLoader } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permissions';
import { NetworksService } from '../networks/networks.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationEntity } from './organization.entity';
import { OrganizationNameTakenError } from './organizations.errors';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity, NETWORK_DATA_SOURCE)
    private readonly organizations: Repository<OrganizationEntity>,
    private readonly networks: NetworksService,
    private readonly access: AccessService,
  ) {}

  async create(input: CreateOrganizationInput, caller: Caller): Promise<OrganizationEntity> {
    const network = await this.networks.findById(input.networkId);
    if (!network) throw new NotFoundError('Network', input.networkId);
    const userId = requireUser(caller);
    try {
      return await this.organizations.save(
        this.organizations.create({ networkId: network.id, name: input.name, createdBy: userId }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_network_name_key')) {
        throw new OrganizationNameTakenError(network.name, input.name);
      }
      throw error;
    }
  }

  /** A network's employers, for its admins only: who buys passes for whom is commercial information. */
  async visibleInNetwork(context: object, networkId: string): Promise<OrganizationEntity[]> {
    if (!(await this.access.may(context, Permission.ADMINISTER_NETWORK, { networkId }))) return [];
    return this.organizations.find({ where: { networkId }, order: { name: 'ASC' } });
  }

  async findById(id: string): Promise<OrganizationEntity | null> {
    return isUuid(id) ? this.organizations.findOneBy({ id }) : null;
  }

  load(context: object, id: string): Promise<OrganizationEntity | null> {
    return requestLoader(context, 'organization', (ids) => findByIdsInOrder(this.organizations, ids)).load(id);
  }

  /** An organization as `_entities` shows it: to its network's admins only, like `Network.organizations`. */
  async visible(context: object, id: string): Promise<OrganizationEntity | null> {
    const organization = await this.load(context, id);
    if (!organization) return null;
    return (await this.access.may(context, Permission.ADMINISTER_NETWORK, { networkId: organization.networkId }))
      ? organization
      : null;
  }
}
