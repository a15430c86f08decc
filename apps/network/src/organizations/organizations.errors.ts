import { ConflictError } from '@passerelle/graphql';

export class OrganizationNameTakenError extends ConflictError {
  constructor(networkName: string, name: string) {
    super(`${networkName} already has an organization named "${name}".`, 'name', 'ORGANIZATION_NAME_TAKEN');
  }
}
