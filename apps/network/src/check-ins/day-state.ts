import type { DayState, ScanPlace } from './check-in-rules';
import type { Statements } from './statements';

/**
 * One statement, once the passes are locked (so it sees every visit and quota day committed before
 * the lock): for each place, the pass's accepted visit that day at that space, the days used of its
 * quota month, and the seats taken that day. The seat rows are created if need be and locked, in key
 * order, by an upsert that changes nothing: concurrent check-ins at one space queue on that row only.
 */
export async function lockDayStates(statements: Statements, places: ScanPlace[]): Promise<DayState[]> {
  if (places.length === 0) return [];
  const rows: Array<{ index: string; visit_today: string | null; days_used: number | null; taken: number | null }> =
    await statements.run(
      'check-in: day states',
      `WITH q AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::boolean[])
             WITH ORDINALITY AS q(pass_id, network_id, space_id, day, quota_month, takes_seat, index)
       ), seats AS (
         INSERT INTO space_day_seats (network_id, space_id, local_date, taken)
         SELECT DISTINCT network_id, space_id, day, 0 FROM q WHERE takes_seat ORDER BY 1, 2, 3
         ON CONFLICT (network_id, space_id, local_date) DO UPDATE SET taken = space_day_seats.taken
         RETURNING network_id, space_id, local_date, taken
       )
       SELECT q.index,
              (SELECT v.id FROM visits v
                WHERE v.pass_id = q.pass_id AND v.space_id = q.space_id AND v.local_date = q.day
                  AND v.status = 'ACCEPTED') AS visit_today,
              (SELECT u.days_used FROM pass_month_usage u WHERE u.pass_id = q.pass_id AND u.month = q.quota_month) AS days_used,
              (SELECT s.taken FROM seats s
                WHERE s.network_id = q.network_id AND s.space_id = q.space_id AND s.local_date = q.day) AS taken
         FROM q`,
      [
        places.map((place) => place.passId),
        places.map((place) => place.networkId),
        places.map((place) => place.spaceId),
        places.map((place) => place.day),
        places.map((place) => place.quotaMonth),
        places.map((place) => place.takesSeat),
      ],
    );
  const states: DayState[] = places.map(() => ({ visitToday: null, daysUsed: 0, seatsTaken: 0 }));
  for (const row of rows) {
    states[Number(row.index) - 1] = {
      visitToday: row.visit_today,
      daysUsed: row.days_used ?? 0,
      seatsTaken: row.taken ?? 0,
    };
  }
  return states;
}
