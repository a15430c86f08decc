import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MovedVisits, VisibleVisit } from '@passerelle/contracts';
import { closedMonthsOf, openPeriodFrom } from '../periods/closed-months';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.data-source';
import { VisitStreamConsumer } from '../visit-stream/visit-stream.consumer';

/**
 * Which period each visit is settled in, as `Visit.periodMonth` and the network subgraph's month filter
 * both ask.
 */
@Injectable()
export class VisitPeriodsService {
  constructor(
    @InjectDataSource(SETTLEMENT_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly stream: VisitStreamConsumer,
  ) {}

  /**
   * The period month of each visit: as recorded, or, for one the stream has not brought yet, the one it
   * will be recorded in: its own month, or the next open one when that month is closed. That is exact, not
   * a guess: a close reads the stream up to now before it freezes, so no visit committed before a close
   * is recorded after it. So this never waits for the stream.
   */
  async periodMonths(visits: readonly VisibleVisit[]): Promise<string[]> {
    const recorded = await this.lookup(visits.map((visit) => visit.id));
    const unseen = visits.filter((visit) => !recorded.has(visit.id));
    const closed = unseen.length
      ? await closedMonthsOf(this.dataSource.manager, [...new Set(unseen.map((visit) => visit.networkId))])
      : new Map<string, Set<string>>();
    return visits.map(
      (visit) => recorded.get(visit.id) ?? openPeriodFrom(closed.get(visit.networkId)!, visit.networkMonth),
    );
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
