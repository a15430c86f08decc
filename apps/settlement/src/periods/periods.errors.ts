import { ForbiddenError } from '@passerelle/graphql';

const REFUSALS = {
  ADMINISTER_NETWORK: 'Only an admin of this network may close a period.',
  READ_PERIOD: "Only the network's admins and the operators of its active member spaces may see its periods.",
};

/**
 * The registry's catalogue refused (settlement asks it through the directory): the same reason and
 * permission as a refusal by the network subgraph itself.
 */
export class PeriodNotPermittedError extends ForbiddenError {
  constructor(permission: keyof typeof REFUSALS) {
    super(REFUSALS[permission], 'NOT_PERMITTED', { permission });
  }
}
