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
import { NotFoundError, requestLoader } from '@passerelle/graphql';
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
   * fields): a representation sent straight here names an id, it proves nothing.
   */
  @ResolveReference()
  async reference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<VisitReference | null> {
    const visible = await requestLoader(context, 'visibleVisit', async (ids) => {
      const uuids = ids.filter(isUuid);
      const seen = uuids.length ? await this.directory.visibleVisits(context.caller, uuids) : new Set<string>();
      return ids.map((id) => (seen.has(id) ? true : null));
    }).load(reference.id);
    return visible ? { id: reference.id } : null;
  }

  @ResolveField(() => String, {
    description:
      'The period it is settled in: its own month, or the next open one when it arrived after its month closed',
  })
  async periodMonth(@Parent() visit: VisitReference, @Context() context: object): Promise<string> {
    const month = await requestLoader(context, 'periodMonth', (ids) => this.periods.periodMonths(ids)).load(visit.id);
    if (!month) throw new NotFoundError('Visit', visit.id);
    return month;
  }
}
