import { Inject, Injectable } from '@nestjs/common';
import { Caller, callInternal } from '@passerelle/auth';
import { NotFoundError } from '@passerelle/graphql';

export const NETWORK_LINK = Symbol('NETWORK_LINK');

export interface NetworkLink {
  /** Base URL of the network subgraph. */
  url: string;
  internalApiKey: string;
}

/** The answer of the network subgraph's `/internal/settlement-directory` (see its controller). */
export interface NetworkDirectory {
  network: { id: string; name: string; currency: string; timezone: string; settlementMode: 'DIRECT' | 'CENTRAL' };
  /** Decided by the registry's permission catalogue; settlement only obeys it. */
  caller: { networkAdmin: boolean; mayReadPeriods: boolean; operatedSpaceIds: string[] };
  parties: Array<{ kind: 'SPACE' | 'NETWORK' | 'ORGANIZATION'; id: string; name: string }>;
}

/**
 * Asks the registry, once per request, for a network's settings, the caller's current roles on it and
 * its parties' names: settlement keeps no copy of what it does not own.
 */
@Injectable()
export class NetworkDirectoryClient {
  constructor(@Inject(NETWORK_LINK) private readonly link: NetworkLink) {}

  async lookup(networkId: string, userId: string): Promise<NetworkDirectory> {
    const answer = await callInternal<
      Omit<NetworkDirectory, 'network'> & { network: NetworkDirectory['network'] | null }
    >(this.link.url, '/internal/settlement-directory', this.link.internalApiKey, { networkId, userId });
    if (!answer.network) throw new NotFoundError('Network', networkId);
    return answer as NetworkDirectory;
  }

  /** Of these visits, those the caller may see, by the registry's rule for Visit. */
  async visibleVisits(caller: Caller, visitIds: readonly string[]): Promise<Set<string>> {
    const answer = await callInternal<{ visitIds: string[] }>(
      this.link.url,
      '/internal/visible-visits',
      this.link.internalApiKey,
      { caller, visitIds },
    );
    return new Set(answer.visitIds);
  }
}

/**
 * Who a device token stands for: only the registry knows scanners, so a scanner's request that
 * reaches settlement (a check-in result's period) is identified there.
 */
export async function scannerCaller(link: NetworkLink, token: string): Promise<Caller | null> {
  const answer = await callInternal<{ caller: Caller | null }>(
    link.url,
    '/internal/scanner-caller',
    link.internalApiKey,
    {
      token,
    },
  );
  return answer.caller;
}

/** Names by `<kind>:<id>`, as the figures look them up. */
export function partyNames(directory: NetworkDirectory): Map<string, string> {
  return new Map(directory.parties.map((party) => [`${party.kind}:${party.id}`, party.name]));
}
