import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IdPipe } from '@passerelle/graphql';
import { Caller, CurrentCaller } from '@passerelle/auth';
import { statementsCsv } from './period-csv';
import { StatementFigure } from './period-figures';
import { Period } from './period.model';
import { PeriodsService } from './periods.service';

@Resolver(() => Period)
export class PeriodsResolver {
  constructor(private readonly periods: PeriodsService) {}

  @Query(() => Period, {
    description:
      "A network's settlement period; live figures while OPEN, frozen once CLOSED. Network admins, and operators of a party in it",
  })
  period(
    @Args('networkId', { type: () => ID }, IdPipe) networkId: string,
    @Args('month') month: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Period> {
    return this.periods.period(networkId, month, caller);
  }

  @Mutation(() => Period, {
    description: 'Network admin: freezes a month that has ended; later changes land in the next open period',
  })
  closePeriod(
    @Args('networkId', { type: () => ID }, IdPipe) networkId: string,
    @Args('month') month: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Period> {
    return this.periods.close(networkId, month, caller);
  }

  @ResolveField(() => String, { description: 'The statements as CSV (RFC 4180, with a header row)' })
  csv(@Parent() period: Period): string {
    return statementsCsv(period.statements as unknown as StatementFigure[], period.currency);
  }
}
