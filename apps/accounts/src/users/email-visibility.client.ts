import { Inject, Injectable } from '@nestjs/common';
import { callInternal } from '@passerelle/auth';

export const NETWORK_LINK = Symbol('NETWORK_LINK');

export interface NetworkLink {
  /** Base URL of the network subgraph, read when first needed (under `npm start` it starts after accounts). */
  url: () => string;
  internalApiKey: string;
}

/**
 * Whose email a viewer may see depends on passes and roles, which the network subgraph owns: this
 * asks it, for all the users of one request at once.
 */
@Injectable()
export class EmailVisibilityClient {
  constructor(@Inject(NETWORK_LINK) private readonly link: NetworkLink) {}

  async visibleTo(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    const { visibleUserIds } = await callInternal<{ visibleUserIds: string[] }>(
      this.link.url(),
      '/internal/email-visibility',
      this.link.internalApiKey,
      { viewerId, userIds },
    );
    return new Set(visibleUserIds);
  }
}
