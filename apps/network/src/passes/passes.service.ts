import { Injectable } from '@nestjs/common';
import { PartyKind } from '@passerelle/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { RequestContext, requireUser } from '@passerelle/auth';
import { localMonth } from '@passerelle/calendar';
import { findByIdsInOrder, isUniqueViolation, isUuid } from '@passerelle/database';
import { BadUserInputError, NotFoundError, requestLoader } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permissions';
import { MembershipsService } from '../memberships/memberships.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { OrganizationsService } from '../organizations/organizations.service';
import { hasUnits, PassKind } from '../products/pass-kind';
import { PassProductEntity } from '../products/pass-product.entity';
import { ProductsService } from '../products/products.service';
import { AccountsClient } from '../roles/accounts.client';
import { IssuePassInput } from './dto/issue-pass.input';
import { holderPassesQuery, requireRoomForAnotherPass } from './pass-bounds';
import { PassMonthUsageEntity } from './pass-month-usage.entity';
import { PassEntity } from './pass.entity';
import { PassAlreadyRevokedError } from './passes.errors';
import { newSerial } from './serial';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class PassesService {
  constructor(
    @InjectRepository(PassEntity, NETWORK_DATA_SOURCE) private readonly passes: Repository<PassEntity>,
    @InjectRepository(PassMonthUsageEntity, NETWORK_DATA_SOURCE)
    private readonly usage: Repository<PassMonthUsageEntity>,
    private readonly products: ProductsService,
    private readonly memberships: MembershipsService,
    private readonly organizations: OrganizationsService,
    private readonly access: AccessService,
    private readonly accounts: AccountsClient,
  ) {}

  async issue(input: IssuePassInput, context: RequestContext): Promise<PassEntity> {
    const userId = requireUser(context.caller);
    const product = await this.products.findById(input.productId);
    if (!product) throw new NotFoundError('Pass product', input.productId);
    const payer = await this.payerFor(product, input, context);
    // Drawn before the holder is mailed, so that the mail names the pass's serial.
    let serial = newSerial();
    const { userId: holderId } = await this.accounts.accountFor(input.holderEmail, {
      kind: 'pass',
      productName: product.name,
      serial,
    });
    const now = new Date();
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) serial = newSerial();
      try {
        return await this.passes.manager.transaction(async (manager) => {
          await requireRoomForAnotherPass(manager, holderId);
          const passes = manager.getRepository(PassEntity);
          return passes.save(
            passes.create({
              serial,
              productId: product.id,
              networkId: product.networkId,
              kind: product.kind,
              holderId,
              payerKind: payer.kind,
              payerId: payer.id,
              homeSpaceId: product.kind === PassKind.RECIPROCAL ? payer.id : null,
              issuedBy: userId,
              issuedAt: now,
              validUntil: product.validityDays ? new Date(now.getTime() + product.validityDays * DAY_MS) : null,
              remainingUnits: hasUnits(product.kind) ? product.units : null,
              revokedAt: null,
              revokeReason: null,
            }),
          );
        });
      } catch (error) {
        // 30^8 serials: a collision is rare, and a new draw settles it.
        if (!isUniqueViolation(error, 'passes_serial_key') || attempt >= 4) throw error;
      }
    }
  }

  /** Who pays for the pass's visits, and whether the caller may sell it on their behalf. */
  private async payerFor(
    product: PassProductEntity,
    input: IssuePassInput,
    context: RequestContext,
  ): Promise<{ kind: PartyKind; id: string }> {
    const sale = (payer: PartyKind) => ({
      networkId: product.networkId,
      issuingSpaceId: input.issuingSpaceId ?? null,
      payer,
    });
    switch (product.kind) {
      case PassKind.COUPON_BOOK:
      case PassKind.RECIPROCAL: {
        const field = 'issuingSpaceId';
        if (!input.issuingSpaceId) {
          throw new BadUserInputError(
            field,
            product.kind === PassKind.COUPON_BOOK
              ? 'A coupon book is sold by a space: give issuingSpaceId.'
              : "A reciprocal pass belongs to a member's home space: give issuingSpaceId.",
          );
        }
        await this.access.require(context, Permission.ISSUE_PASS, sale(PartyKind.SPACE), 'issue this pass');
        const membership = isUuid(input.issuingSpaceId)
          ? await this.memberships.findActive(product.networkId, input.issuingSpaceId)
          : null;
        if (!membership)
          throw new BadUserInputError(field, 'The issuing space is not an active member of this network.');
        return { kind: PartyKind.SPACE, id: input.issuingSpaceId };
      }
      case PassKind.CREDITS:
        await this.access.require(context, Permission.ISSUE_PASS, sale(PartyKind.NETWORK), 'issue credit passes');
        return { kind: PartyKind.NETWORK, id: product.networkId };
      case PassKind.CORPORATE: {
        await this.access.require(
          context,
          Permission.ISSUE_PASS,
          sale(PartyKind.ORGANIZATION),
          'issue corporate passes',
        );
        if (!input.organizationId) {
          throw new BadUserInputError(
            'organizationId',
            'A corporate pass is paid by an employer: give organizationId.',
          );
        }
        const organization = await this.organizations.findById(input.organizationId);
        if (!organization || organization.networkId !== product.networkId) {
          throw new NotFoundError('Organization', input.organizationId);
        }
        return { kind: PartyKind.ORGANIZATION, id: organization.id };
      }
    }
  }

  async revoke(passId: string, reason: string): Promise<PassEntity> {
    const pass = await this.findById(passId);
    if (!pass) throw new NotFoundError('Pass', passId);
    if (pass.revokedAt) throw new PassAlreadyRevokedError();
    await this.passes.update({ id: pass.id }, { revokedAt: () => 'now()', revokeReason: reason });
    return this.passes.findOneByOrFail({ id: pass.id });
  }

  async findById(id: string): Promise<PassEntity | null> {
    return isUuid(id) ? this.passes.findOneBy({ id }) : null;
  }

  /** At most MAX_PASSES_IN_USE_PER_HOLDER, those in use first. */
  ofHolder(holderId: string): Promise<PassEntity[]> {
    return holderPassesQuery(this.passes.createQueryBuilder('pass'), 'pass', holderId).getMany();
  }

  load(context: object, id: string): Promise<PassEntity | null> {
    return requestLoader(context, 'pass', (ids) => findByIdsInOrder(this.passes, ids)).load(id);
  }

  /** Days used in the network month that contains `at`. */
  async daysUsed(passId: string, at: Date, networkTimezone: string): Promise<number> {
    const row = await this.usage.findOneBy({ passId, month: localMonth(at, networkTimezone) });
    return row?.daysUsed ?? 0;
  }
}
