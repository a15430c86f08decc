/**
 * The check-in's time policy. Every other figure follows from these two: how far back an offline
 * scanner's upload may reach, and how far ahead of the server's clock a scanner's may run.
 */
const DAY_MS = 24 * 3600 * 1000;

/** A scan is recorded up to this many days after it happened (rule 3): a desk offline for a month. */
export const SYNC_WINDOW_DAYS = 35;
export const SYNC_WINDOW_MS = SYNC_WINDOW_DAYS * DAY_MS;

/** A scan at most this far in the future is a scanner's clock running ahead, not a forgery. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * How long an idempotency record is kept after it arrived. A scan sent again once its record is gone
 * must be OUTSIDE_SYNC_WINDOW, so the record outlives the window plus the skew; the margin also
 * covers the database's clock (which dates the record) differing from the server's (which judges the
 * window) and a clean-up that only runs every so often.
 */
const RETENTION_MARGIN_DAYS = 5;
export const CHECK_IN_RETENTION_DAYS = SYNC_WINDOW_DAYS + RETENTION_MARGIN_DAYS;

/** Rule 3: whether a scan at `at` may still be recorded at `now`. */
export function withinSyncWindow(at: Date, now: Date): boolean {
  return at.getTime() >= now.getTime() - SYNC_WINDOW_MS && at.getTime() <= now.getTime() + CLOCK_SKEW_MS;
}
