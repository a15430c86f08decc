import { checkInScenario } from './check-in';
import { footprintScenario } from './footprint';
import { growthScenario } from './growth';
import { monthScenario } from './month';
import { offlineUploadScenario } from './offline-upload';
import type { Scenario } from './scenario';

/**
 * Every scenario, run in the order; the month runs before growth, on the database as
 * scenarios 1 and 2 leave it.
 */
export const SCENARIOS: Scenario[] = [
  checkInScenario,
  offlineUploadScenario,
  monthScenario,
  growthScenario,
  footprintScenario,
].sort((a, b) => a.number - b.number);
