import { Inject, Injectable } from '@nestjs/common';
import { callEndpoint } from '@passerelle/auth';
import { INVITATIONS, type InvitationGrant } from '@passerelle/contracts';

export const ACCOUNTS_LINK = Symbol('ACCOUNTS_LINK');

export interface AccountsLink {
  /** Base URL of the accounts subgraph as this subgraph reaches it. */
  url: string;
  internalApiKey: string;
}

/**
 * The accounts subgraph is the one authority on who has which email. A role grant (and later a pass)
 * names its person by email and needs their account id in the same request, so this asks accounts
 * directly instead of waiting for an event; it is never on the check-in path.
 */
@Injectable()
export class AccountsClient {
  constructor(@Inject(ACCOUNTS_LINK) private readonly link: AccountsLink) {}

  /**
   * The account id for this email, invited (to be claimed at sign-up) when there is none yet; accounts
   * mails the address about `grant`, which counts for the account once it has proved it owns the address.
   */
  async accountFor(email: string, grant: InvitationGrant): Promise<{ userId: string; claimed: boolean }> {
    return callEndpoint(this.link.url, INVITATIONS, this.link.internalApiKey, { email, grant });
  }
}
