import { BadUserInputError } from '@passerelle/graphql';

/** A token from a mail that cannot be used; the message says why in a plain sentence. */
export class EmailTokenRefusedError extends BadUserInputError {}

export const refusals = {
  invalid: (field: string) =>
    new EmailTokenRefusedError(field, 'This link is not valid: ask for a new one.', 'TOKEN_INVALID'),
  used: (field: string) =>
    new EmailTokenRefusedError(field, 'This link has already been used: ask for a new one.', 'TOKEN_USED'),
  expired: (field: string) =>
    new EmailTokenRefusedError(field, 'This link has expired: ask for a new one.', 'TOKEN_EXPIRED'),
  otherAccount: (field: string) =>
    new EmailTokenRefusedError(
      field,
      'This link was sent to another account: log in with the account it was sent to.',
      'TOKEN_FOR_ANOTHER_ACCOUNT',
    ),
};
