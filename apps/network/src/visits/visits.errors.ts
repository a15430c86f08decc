import { ConflictError } from '@passerelle/graphql';

export class VisitAlreadyVoidedError extends ConflictError {
  constructor() {
    super('This visit is already voided.', undefined, 'VISIT_ALREADY_VOIDED');
  }
}
