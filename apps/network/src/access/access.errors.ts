import { ForbiddenError } from '@passerelle/graphql';
import { Permission, RULES } from './permissions';

/** A refusal by the catalogue: the rule that refused travels with it (`extensions.permission`). */
export class NotPermittedError extends ForbiddenError {
  constructor(permission: Permission, action: string) {
    super(`Only ${RULES[permission].who} may ${action}.`, 'NOT_PERMITTED', { permission });
  }
}
