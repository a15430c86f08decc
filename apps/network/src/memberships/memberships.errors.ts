import { ConflictError } from '@passerelle/graphql';

export class MembershipAlreadyRequestedError extends ConflictError {
  constructor(spaceName: string, networkName: string) {
    super(`${spaceName} has already asked to join ${networkName}.`, undefined, 'MEMBERSHIP_ALREADY_REQUESTED');
  }
}
