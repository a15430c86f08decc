import { checkInScenario } from './check-in';
import { footprintScenario } from './footprint';
import { growthScenario } from './growth';
import { isolationScenario } from './isolation';
import { monthScenario } from './month';
import { offlineUploadScenario } from './offline-upload';
import type { Scenario } from './scenario';

/**
 * Every scenario, in the order they run (the report lists them by number): the month runs before
 * growth, on the database as scenarios 1 and 2 leave it; the footprint runs last, since it stops the
 * shared server to measure new ones.
 */
export const SCENARIOS: Scenario[] = [
  checkInScenario,
  offlineUploadScenario,
  monthScenario,
  growthScenario,
  isolationScenario,
  footprintScenario,
];
