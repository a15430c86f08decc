import {
  Context,
  Directive,
  Field,
  ID,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RequestContext } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import type { VisibleVisit } from '@passerelle/contracts';
import { requestLoader } from '@passerelle/graphql';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
import { SettlementSchema } from '../settlement.schema';
import { VisitPeriodsService } from './visit-periods.service';

/** The network subgraph's Visit; settlement adds the period it is settled in. */
@ObjectType('Visit', { registerIn: SettlementSchema })
@Directive('@key(fields: "id")')
export class VisitReference {
  @Field(() => ID)
  id: string;
}

@Resolver(() => VisitReference)
export class VisitPeriodResolver {
  constructor(
    private readonly periods: VisitPeriodsService,
    private readonly directory: NetworkDirectoryClient,
  ) {}

  /**
   * Only the visits the caller may see, by the registry's rule (the same as the network's Visit
   * fields): a representation sent straight here names an id, it proves nothing. The registry also
   * says where each falls (its network and month), for its period.
   */
  @ResolveReference()
  reference(@Parent() reference: { id: string }, @Context() context: RequestContext): Promise<VisibleVisit | null> {
    return this.visible(context).load(reference.id);
  }

  @ResolveField(() => String, {
    description:
      'The period it is settled in: its own month, or the next open one when it arrived after its month closed',
  })
  async periodMonth(@Parent() visit: VisibleVisit, @Context() context: RequestContext): Promise<string> {
    const month = await requestLoader(context, 'periodMonth', async (ids) => {
      // Each id was loaded by the reference resolver above: these come from this request's cache.
      const visits = await Promise.all(ids.map((id) => this.visible(context).load(id)));
      return this.periods.periodMonths(visits.map((seen) => seen!));
    }).load(visit.id);
    return month!;
  }

  private visible(context: RequestContext) {
    return requestLoader(context, 'visibleVisit', async (ids) => {
      const uuids = ids.filter(isUuid);
      const seen = uuids.length ? await this.directory.visibleVisits(context.caller, uuids) : new Map();
      return ids.map((id) => seen.get(id) ?? null);
    });
  }
}
