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
import { NotFoundError, requestLoader } from '@passerelle/graphql';
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
  constructor(private readonly periods: VisitPeriodsService) {}

  @ResolveReference()
  reference(@Parent() reference: { id: string }): VisitReference {
    return { id: reference.id };
  }

  // A month is no secret: anyone who can name a visit's id was already allowed to see the visit.
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
