import { Inject, Injectable } from '@nestjs/common';
import { callEndpoint } from '@passerelle/auth';
import { ACCOUNT_CREDENTIALS } from '@passerelle/contracts';
import { NETWORK_LINK, NetworkLink } from './email-visibility.client';

/**
 * Access tokens are judged by every subgraph without a call to accounts: the network subgraph (which
 * settlement asks in turn) is told of each verification and reset before it commits here, so a token
 * issued before a reset is refused, and one issued before a verification sees the grants at once.
 * Network never lowers a version: telling it again, or late, is harmless.
 */
@Injectable()
export class CredentialsReportClient {
  constructor(@Inject(NETWORK_LINK) private readonly link: NetworkLink) {}

  async report(userId: string, version: number, emailVerified: boolean): Promise<void> {
    await callEndpoint(this.link.url(), ACCOUNT_CREDENTIALS, this.link.internalApiKey, {
      userId,
      version,
      emailVerified,
    });
  }
}
