import { Args, Context, Directive, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, RequestContext, requireUser } from '@passerelle/auth';
import { AccessService } from '../access/access.service';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { IdPipe, Party } from '@passerelle/graphql';
import { requireReason } from '../common/reason';
import { IssuedQr, PassQrService } from '../credentials/pass-qr.service';
import { NetworksService } from '../networks/networks.service';
import { PartiesService } from '../parties/parties.service';
import { PassKind } from '../products/pass-kind';
import { PassProductEntity } from '../products/pass-product.entity';
import { PassProduct } from '../products/pass-product.model';
import { ProductsService } from '../products/products.service';
import { SpaceEntity } from '../spaces/space.entity';
import { Space } from '../spaces/space.model';
import { SpacesService } from '../spaces/spaces.service';
import { UserReference } from '../users/user.reference';
import { IssuePassInput } from './dto/issue-pass.input';
import { PassEntity } from './pass.entity';
import { Pass, PassQr } from './pass.model';
import { PassStatus, passStatusAt } from './pass-status';
import { PassHasNoQrError, PrintedQrNotAllowedError } from './passes.errors';
import { PassesService } from './passes.service';

@Resolver(() => Pass)
export class PassesResolver {
  constructor(
    private readonly passes: PassesService,
    private readonly products: ProductsService,
    private readonly networks: NetworksService,
    private readonly spaces: SpacesService,
    private readonly parties: PartiesService,
    private readonly qrCodes: PassQrService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.SIGNED_IN)
  @Query(() => Pass, {
    nullable: true,
    description: "Visible to its holder, the issuer's operators and the network's admins",
  })
  async pass(
    @Args('id', { type: () => ID }, IdPipe) id: string,
    @Context() context: object,
  ): Promise<PassEntity | null> {
    const pass = await this.passes.findById(id);
    return pass && (await this.access.may(context, Permission.SEE_PASS, pass)) ? pass : null;
  }

  /** Sized for the query budget at the most passes a holder may have. */
  @Allow(Permission.SIGNED_IN)
  @Query(() => [Pass], { description: "The logged-in user's passes" })
  @Directive('@listSize(assumedSize: 100)')
  myPasses(@CurrentCaller() caller: Caller): Promise<PassEntity[]> {
    requireUser(caller);
    // A pass issued to the address is the account's once the address is verified.
    return caller.kind === 'user' && caller.emailVerified ? this.passes.ofHolder(caller.userId) : Promise.resolve([]);
  }

  // Who may sell depends on the product's kind: the service asks the catalogue (ISSUE_PASS) once it knows.
  @Allow(Permission.SIGNED_IN)
  @Mutation(() => Pass, {
    description: "A space operator issues for the network's products sold at their space; a network admin for any",
  })
  issuePass(@Args('input') input: IssuePassInput, @Context() context: RequestContext): Promise<PassEntity> {
    return this.passes.issue(input, context);
  }

  @Allow(Permission.MANAGE_PASS, { resource: 'passId', action: 'revoke it' })
  @Mutation(() => Pass)
  revokePass(
    @Args('passId', { type: () => ID }, IdPipe) passId: string,
    @Args('reason') reason: string,
  ): Promise<PassEntity> {
    return this.passes.revoke(passId, requireReason(reason, 'Say why the pass is revoked.'));
  }

  @ResolveField(() => PassStatus)
  status(@Parent() pass: PassEntity): PassStatus {
    return passStatusAt(pass, new Date());
  }

  @ResolveField(() => PassProduct)
  async product(@Parent() pass: PassEntity, @Context() context: object): Promise<PassProductEntity> {
    return (await this.products.load(context, pass.productId))!;
  }

  /** The holder as the accounts subgraph shows them to this caller (a host sees a name, not an email). */
  @ResolveField(() => UserReference)
  holder(@Parent() pass: PassEntity): UserReference {
    return { id: pass.holderId };
  }

  @ResolveField(() => Party, {
    description:
      'Who sold the pass and pays the hosts: the issuing space (COUPON_BOOK, RECIPROCAL), the network (CREDITS) or the organization (CORPORATE)',
  })
  payer(@Parent() pass: PassEntity, @Context() context: object): Promise<Party> {
    return this.parties.party(context, pass.payerKind, pass.payerId);
  }

  @ResolveField(() => Space, { nullable: true })
  homeSpace(@Parent() pass: PassEntity, @Context() context: object): Promise<SpaceEntity | null> | null {
    return pass.homeSpaceId ? this.spaces.load(context, pass.homeSpaceId) : null;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'RECIPROCAL and CORPORATE: days used in the current month of the network',
  })
  async daysUsedThisMonth(@Parent() pass: PassEntity, @Context() context: object): Promise<number | null> {
    if (pass.kind !== PassKind.RECIPROCAL && pass.kind !== PassKind.CORPORATE) return null;
    const network = await this.networks.load(context, pass.networkId);
    return this.passes.daysUsed(pass.id, new Date(), network!.timezone);
  }

  @ResolveField(() => PassQr, {
    description:
      'Holder only. A rotating QR expires within a minute; a printed one (if the product allows) lasts while the pass is valid',
  })
  async qr(
    @Parent() pass: PassEntity,
    @Context() context: object,
    @Args('printed', { type: () => Boolean, nullable: true, defaultValue: false }) printed: boolean,
  ): Promise<IssuedQr> {
    await this.access.require(context, Permission.SHOW_QR, pass, 'show its QR code');
    if (printed) {
      const product = await this.products.load(context, pass.productId);
      if (!product?.allowPrintedQr) throw new PrintedQrNotAllowedError();
    }
    if (passStatusAt(pass, new Date()) !== PassStatus.ACTIVE) {
      throw new PassHasNoQrError();
    }
    return this.qrCodes.issue(pass, printed);
  }
}

/**
 * Drawing a QR image costs its time in the query budget (MAX_COMPLEXITY, 5000): an SVG takes ~1.9 ms
 * and a PNG ~7.5 ms, against microseconds for a plain field. About ten images fit in one request;
 * every pass of a holder drawn at once does not.
 */
@Resolver(() => PassQr)
export class PassQrResolver {
  constructor(private readonly qr: PassQrService) {}

  @ResolveField(() => String)
  @Directive('@cost(weight: 120)')
  svg(@Parent() qr: IssuedQr): Promise<string> {
    return this.qr.svg(qr);
  }

  @ResolveField(() => String, { description: 'data:image/png;base64,...' })
  @Directive('@cost(weight: 450)')
  pngDataUrl(@Parent() qr: IssuedQr): Promise<string> {
    return this.qr.pngDataUrl(qr);
  }
}
