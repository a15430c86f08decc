import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MovedVisits } from '@passerelle/contracts';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.data-source';
import { VisitStreamConsumer } from '../visit-stream/visit-stream.consumer';

/**
 * Which period each visit is settled in, as `Visit.periodMonth` and the network subgraph's month filter
 * both ask. Both first read the stream up to now (as far as it gets in a moment: a read never waits
 * long for it), so a visit accepted a moment ago is placed too.
 */
@Injectable()
export class VisitPeriodsService {
  constructor(
    @InjectDataSource(SETTLEMENT_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly stream: VisitStreamConsumer,
  ) {}

  /** The period month of each visit, null for one settlement has never heard of. */
  async periodMonths(ids: readonly string[]): Promise<Array<string | null>> {
    let found = await this.lookup(ids);
    if (found.size < ids.length) {
      await this.stream.catchUpForRead();
      found = await this.lookup(ids);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async moved(networkId: string, month: string): Promise<MovedVisits> {
    await this.stream.catchUpForRead();
    // Served by the partial index settled_visits_moved_idx, which holds the moved visits alone.
    const rows: Array<{ visit_id: string; moved_in: boolean }> = await this.dataSource.query(
      `SELECT visit_id, period_month = $2 AS moved_in FROM settled_visits
        WHERE network_id = $1 AND network_month <> period_month AND (network_month = $2 OR period_month = $2)`,
      [networkId, month],
    );
    return {
      movedIn: rows.filter((row) => row.moved_in).map((row) => row.visit_id),
      movedOut: rows.filter((row) => !row.moved_in).map((row) => row.visit_id),
    };
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
