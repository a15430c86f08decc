import { Inject, Injectable } from '@nestjs/common';
import { callInternal } from '@passerelle/auth';
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
    await callInternal(this.link.url(), '/internal/account-credentials', this.link.internalApiKey, {
      userId,
      version,
      emailVerified,
    });
  }
}
