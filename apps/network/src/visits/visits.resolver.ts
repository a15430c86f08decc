import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { IdPipe, Party } from '@passerelle/graphql';
import { AccessService } from '../access/access.service';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { requireReason } from '../common/reason';
import { PartiesService } from '../parties/parties.service';
import { PassEntity } from '../passes/pass.entity';
import { Pass } from '../passes/pass.model';
import { PassesService } from '../passes/passes.service';
import { SpaceEntity } from '../spaces/space.entity';
import { Space } from '../spaces/space.model';
import { SpacesService } from '../spaces/spaces.service';
import { VisitEntity } from './visit.entity';
import { Visit, VisitConnection, VisitFilter } from './visit.model';
import { VisitPage, VisitsService } from './visits.service';

@Resolver(() => Visit)
export class VisitsResolver {
  constructor(
    private readonly service: VisitsService,
    private readonly passes: PassesService,
    private readonly spaces: SpacesService,
    private readonly parties: PartiesService,
  ) {}

  @Allow(Permission.LIST_VISITS)
  @Query(() => VisitConnection, {
    name: 'visits',
    description:
      "Visits visible to the caller: a space's operators see the visits at their space and those of the passes their space issued; network admins see all of their network; a scanner, its space's visits of today",
  })
  list(
    @Args('filter') filter: VisitFilter,
    @Context() context: object,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<VisitPage> {
    return this.service.list(filter, first, after ?? undefined, context);
  }

  @Allow(Permission.OPERATE_SPACE, { resource: 'visitId', from: 'visit', action: 'void visits it hosted' })
  @Mutation(() => Visit, { description: 'Host space operator: cancels a visit and gives the pass its units back' })
  voidVisit(
    @Args('visitId', { type: () => ID }, IdPipe) visitId: string,
    @Args('reason') reason: string,
  ): Promise<VisitEntity> {
    return this.service.void(visitId, requireReason(reason, 'Say why the visit is voided.'));
  }

  /** Only what `visits` would show this caller: a forged representation is loaded by its id alone. */
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }, @Context() context: object): Promise<VisitEntity | null> {
    return this.service.visible(context, reference.id);
  }

  @ResolveField(() => Pass)
  async pass(@Parent() visit: VisitEntity, @Context() context: object): Promise<PassEntity> {
    return (await this.passes.load(context, visit.passId))!;
  }

  @ResolveField(() => Space, { description: 'The host space' })
  async space(@Parent() visit: VisitEntity, @Context() context: object): Promise<SpaceEntity> {
    return (await this.spaces.load(context, visit.spaceId))!;
  }

  @ResolveField(() => Party)
  payer(@Parent() visit: VisitEntity, @Context() context: object): Promise<Party> {
    return this.parties.party(context, visit.payerKind, visit.payerId);
  }
  // periodMonth comes from the settlement subgraph, which alone knows which periods are closed.
}

@Resolver(() => Pass)
export class PassVisitsResolver {
  constructor(
    private readonly service: VisitsService,
    private readonly access: AccessService,
  ) {}

  /** Its holder and issuer only: a host that sees the pass on its own visit does not see its history. */
  @ResolveField(() => VisitConnection)
  async visits(
    @Parent() pass: PassEntity,
    @Context() context: object,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<VisitPage> {
    await this.access.require(context, Permission.SEE_PASS, pass, 'list its visits');
    return this.service.ofPass(pass.id, first, after ?? undefined);
  }
}
