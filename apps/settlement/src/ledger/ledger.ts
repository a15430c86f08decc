import { Injectable } from '@nestjs/common';
import { VISIT_ACCEPTED, VisitEvent } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { closedMonthsOf, openPeriodFrom } from '../periods/closed-months';

/**
 * The ledger rules: what an accepted or a voided visit does to the charges. An accepted visit is
 * settled in its own month, or in the earliest open one after it when its month closed before it
 * arrived; a void takes its charge back from an open period, or books a refund (a negative charge) in
 * the earliest open period when its own is frozen. Recording an event twice changes nothing.
 */
@Injectable()
export class Ledger {
  /** Records checked visit events, in order, in the caller's transaction (the stream's batch). */
  async record(manager: EntityManager, events: readonly VisitEvent[]): Promise<void> {
    const closed = await closedMonthsOf(manager, [...new Set(events.map((event) => event.payload.networkId))]);
    for (const event of events) {
      const closedMonths = closed.get(event.payload.networkId)!;
      if (event.type === VISIT_ACCEPTED) await this.accept(manager, event, closedMonths);
      else await this.void(manager, event, closedMonths);
    }
  }

  private async accept(manager: EntityManager, { payload: visit }: VisitEvent, closed: Set<string>): Promise<void> {
    await manager.query(
      `WITH settled AS (
         INSERT INTO settled_visits
           (visit_id, network_id, host_space_id, payer_kind, payer_id, amount_cents, network_month, period_month)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (visit_id) DO NOTHING
         RETURNING *)
       INSERT INTO charges (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
       SELECT network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, 1, amount_cents
         FROM settled WHERE amount_cents <> 0`,
      [
        visit.visitId,
        visit.networkId,
        visit.hostSpaceId,
        visit.payer.kind,
        visit.payer.id,
        visit.amountCents,
        visit.networkMonth,
        openPeriodFrom(closed, visit.networkMonth),
      ],
    );
  }

  private async void(manager: EntityManager, event: VisitEvent, closed: Set<string>): Promise<void> {
    const { visitId } = event.payload;
    // An UPDATE … RETURNING answers [rows, affected count].
    const [rows]: [Array<{ period_month: string; amount_cents: string }>, number] = await manager.query(
      `UPDATE settled_visits SET voided_at = $2
        WHERE visit_id = $1 AND voided_at IS NULL
        RETURNING period_month, amount_cents`,
      [visitId, event.createdAt],
    );
    const voided = rows[0];
    if (!voided || voided.amount_cents === '0') return;
    if (!closed.has(voided.period_month)) {
      await manager.query('DELETE FROM charges WHERE visit_id = $1 AND period_month = $2', [
        visitId,
        voided.period_month,
      ]);
    } else {
      // Its period is frozen: the refund is a negative charge in the earliest period still open.
      await manager.query(
        `INSERT INTO charges (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
         SELECT network_id, $2, visit_id, host_space_id, payer_kind, payer_id, -1, -amount_cents
           FROM settled_visits WHERE visit_id = $1`,
        [visitId, openPeriodFrom(closed, voided.period_month)],
      );
    }
  }
}
