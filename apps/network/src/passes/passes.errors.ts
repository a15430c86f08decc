import { BadUserInputError, ConflictError } from '@passerelle/graphql';

export class PassAlreadyRevokedError extends ConflictError {
  constructor() {
    super('This pass is already revoked.', undefined, 'PASS_ALREADY_REVOKED');
  }
}

export class PassHasNoQrError extends ConflictError {
  constructor() {
    super('This pass is no longer active: it has no QR code.', undefined, 'PASS_NOT_ACTIVE');
  }
}

export class PrintedQrNotAllowedError extends BadUserInputError {
  constructor() {
    super('printed', 'This pass cannot have a printed QR code.', 'PRINTED_QR_NOT_ALLOWED');
  }
}
