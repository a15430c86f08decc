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
import type { RequestContext } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { NotFoundError, requestLoader } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { NetworkDirectoryClient } from '../network-directory/network-directory.client';
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
