import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder, isUuid } from '@passerelle/database';
import { BadUserInputError, NotFoundError, requestLoader } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { NetworksService } from '../networks/networks.service';
import { CreatePassProductInput } from './dto/create-pass-product.input';
import { hasUnits, PassKind } from './pass-kind';
import { PassProductEntity } from './pass-product.entity';

/** What each kind needs: a balance of units, or a monthly allowance of days. */
function checkKindFields(input: CreatePassProductInput): void {
  if (hasUnits(input.kind)) {
    if (input.units == null) throw new BadUserInputError('units', `A ${input.kind} product needs units.`);
    if (input.freeDaysPerMonth != null) {
      throw new BadUserInputError('freeDaysPerMonth', `A ${input.kind} product counts units, not days per month.`);
    }
    return;
  }
  if (input.units != null) throw new BadUserInputError('units', `A ${input.kind} product counts days, not units.`);
  if (input.kind === PassKind.RECIPROCAL && input.freeDaysPerMonth == null) {
    throw new BadUserInputError('freeDaysPerMonth', 'A RECIPROCAL product needs freeDaysPerMonth.');
  }
}

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(PassProductEntity, NETWORK_DATA_SOURCE) private readonly products: Repository<PassProductEntity>,
    private readonly networks: NetworksService,
  ) {}

  async create(input: CreatePassProductInput): Promise<PassProductEntity> {
    checkKindFields(input);
    const network = await this.networks.findById(input.networkId);
    if (!network) throw new NotFoundError('Network', input.networkId);
    return this.products.save(
      this.products.create({
        networkId: network.id,
        name: input.name,
        kind: input.kind,
        units: input.units ?? null,
        freeDaysPerMonth: input.freeDaysPerMonth ?? null,
        unitValueCents: input.unitValueCents,
        validityDays: input.validityDays ?? null,
        allowPrintedQr: input.allowPrintedQr,
      }),
    );
  }

  async findById(id: string): Promise<PassProductEntity | null> {
    return isUuid(id) ? this.products.findOneBy({ id }) : null;
  }

  ofNetwork(networkId: string): Promise<PassProductEntity[]> {
    return this.products.find({ where: { networkId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  load(context: object, id: string): Promise<PassProductEntity | null> {
    return requestLoader(context, 'product', (ids) => findByIdsInOrder(this.products, ids)).load(id);
  }
}
