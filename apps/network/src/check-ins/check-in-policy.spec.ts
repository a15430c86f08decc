import {
  CHECK_IN_RETENTION_DAYS,
  CLOCK_SKEW_MS,
  SYNC_WINDOW_DAYS,
  SYNC_WINDOW_MS,
  withinSyncWindow,
} from './check-in-policy';

const DAY_MS = 24 * 3600 * 1000;

describe('check-in policy', () => {
  const now = new Date('2026-10-14T07:12:00Z');
  const shifted = (ms: number) => new Date(now.getTime() + ms);

  it('records a scan from 35 days ago up to 2 minutes ahead, bounds included', () => {
    expect(SYNC_WINDOW_DAYS).toBe(35);
    expect(withinSyncWindow(shifted(-SYNC_WINDOW_MS), now)).toBe(true);
    expect(withinSyncWindow(shifted(CLOCK_SKEW_MS), now)).toBe(true);
    expect(withinSyncWindow(shifted(-SYNC_WINDOW_MS - 1), now)).toBe(false);
    expect(withinSyncWindow(shifted(CLOCK_SKEW_MS + 1), now)).toBe(false);
  });

  it('keeps an idempotency record until the scan it names can no longer be recorded', () => {
    // The latest a scan can have happened is its arrival plus the skew; once its record is deleted,
    // the same scan sent again must fall before the window.
    const arrived = now;
    const latestScan = shifted(CLOCK_SKEW_MS);
    const recordDeleted = new Date(arrived.getTime() + CHECK_IN_RETENTION_DAYS * DAY_MS);
    expect(withinSyncWindow(latestScan, recordDeleted)).toBe(false);
    expect(CHECK_IN_RETENTION_DAYS).toBe(40);
  });
});
