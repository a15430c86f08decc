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
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@passerelle/database';
import { NotFoundError, requestLoader } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.database';
import { SettlementSchema } from '../settlement.schema';
import { VisitStreamConsumer } from './visit-stream.consumer';

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
    @InjectDataSource(SETTLEMENT_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly stream: VisitStreamConsumer,
  ) {}

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
    const month = await requestLoader(context, 'periodMonth', (ids) => this.periodMonths(ids)).load(visit.id);
    if (!month) throw new NotFoundError('Visit', visit.id);
    return month;
  }

  /** A visit just accepted may not have reached settlement yet: then read the stream up to now first. */
  private async periodMonths(ids: readonly string[]): Promise<Array<string | null>> {
    let found = await this.lookup(ids);
    if (found.size < ids.length) {
      await this.stream.catchUp();
      found = await this.lookup(ids);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  private async lookup(ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = ids.filter(isUuid);
    const rows: Array<{ visit_id: string; period_month: string }> = await this.dataSource.query(
      'SELECT visit_id, period_month FROM settled_visits WHERE visit_id = ANY($1::uuid[])',
      [uuids],
    );
    return new Map(rows.map((row) => [row.visit_id, row.period_month]));
  }
}
