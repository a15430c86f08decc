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

export class HolderPassLimitError extends ConflictError {
  constructor(limit: number) {
    super(
      `This holder already has ${limit} passes in use, the most one person may hold: ` +
        'revoke one, or let one expire, before issuing another to holderEmail.',
      'holderEmail',
      'HOLDER_PASS_LIMIT',
    );
  }
}
