import type { BadInputCase } from '../case';
import { accountCases } from './accounts';
import { checkInCases } from './check-ins';
import { passCases } from './passes';
import { protocolCases } from './protocol';
import { queryCases } from './queries';
import { registryCases } from './registry';
import { subgraphCases } from './subgraphs';

export const BAD_INPUT_CASES: BadInputCase[] = [
  ...protocolCases,
  ...accountCases,
  ...registryCases,
  ...passCases,
  ...checkInCases,
  ...queryCases,
  ...subgraphCases,
];

/** Every query and mutation of the public contract (version 1): each gets malformed requests of its own. */
export const CONTRACT_OPERATIONS = [
  'me',
  'networks',
  'network',
  'space',
  'pass',
  'myPasses',
  'visits',
  'period',
  'networkKeys',
  'signUp',
  'logIn',
  'refreshToken',
  'registerNetwork',
  'registerSpace',
  'requestMembership',
  'approveMembership',
  'suspendMembership',
  'grantRole',
  'registerScanner',
  'revokeScanner',
  'createOrganization',
  'createPassProduct',
  'issuePass',
  'revokePass',
  'checkIn',
  'syncCheckIns',
  'voidVisit',
  'closePeriod',
];
