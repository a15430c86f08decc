import { nextMonth } from '@passerelle/calendar';
import type { EntityManager } from 'typeorm';

/** The closed months of each network named, as settlement decides where a charge lands. */
export async function closedMonthsOf(manager: EntityManager, networkIds: string[]): Promise<Map<string, Set<string>>> {
  const rows: Array<{ network_id: string; month: string }> = await manager.query(
    'SELECT network_id, month FROM closed_periods WHERE network_id = ANY($1::uuid[])',
    [networkIds],
  );
  const closed = new Map<string, Set<string>>(networkIds.map((id) => [id, new Set()]));
  for (const row of rows) closed.get(row.network_id)!.add(row.month);
  return closed;
}

/** `month` itself when it is open, or else the earliest later month still open. */
export function openPeriodFrom(closed: ReadonlySet<string>, month: string): string {
  let period = month;
  while (closed.has(period)) period = nextMonth(period);
  return period;
}
