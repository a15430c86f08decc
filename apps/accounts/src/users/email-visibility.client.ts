import { Inject, Injectable } from '@nestjs/common';
import { callEndpoint } from '@passerelle/auth';
import { EMAIL_VISIBILITY } from '@passerelle/contracts';

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
    const { visibleUserIds } = await callEndpoint(this.link.url(), EMAIL_VISIBILITY, this.link.internalApiKey, {
      viewerId,
      userIds,
    });
    return new Set(visibleUserIds);
  }
}
