import { Inject, Injectable } from '@nestjs/common';
import { Caller, callEndpoint } from '@passerelle/auth';
import { SCANNER_CALLER, SETTLEMENT_DIRECTORY, SettlementDirectory, VISIBLE_VISITS } from '@passerelle/contracts';
import { NotFoundError } from '@passerelle/graphql';

export const NETWORK_LINK = Symbol('NETWORK_LINK');

export interface NetworkLink {
  /** Base URL of the network subgraph. */
  url: string;
  internalApiKey: string;
}

/** The registry's settlement directory of a network that exists. */
export type NetworkDirectory = SettlementDirectory & { network: NonNullable<SettlementDirectory['network']> };

/**
 * Asks the registry, once per request, for a network's settings, the caller's current roles on it and
 * its parties' names: settlement keeps no copy of what it does not own.
 */
@Injectable()
export class NetworkDirectoryClient {
  constructor(@Inject(NETWORK_LINK) private readonly link: NetworkLink) {}

  async lookup(networkId: string, userId: string): Promise<NetworkDirectory> {
    const answer = await callEndpoint(this.link.url, SETTLEMENT_DIRECTORY, this.link.internalApiKey, {
      networkId,
      userId,
    });
    if (!answer.network) throw new NotFoundError('Network', networkId);
    return answer as NetworkDirectory;
  }

  /** Of these visits, those the caller may see, by the registry's rule for Visit. */
  async visibleVisits(caller: Caller, visitIds: readonly string[]): Promise<Set<string>> {
    const answer = await callEndpoint(this.link.url, VISIBLE_VISITS, this.link.internalApiKey, { caller, visitIds });
    return new Set(answer.visitIds);
  }
}

/**
 * Who a device token stands for: only the registry knows scanners, so a scanner's request that
 * reaches settlement (a check-in result's period) is identified there.
 */
export async function scannerCaller(link: NetworkLink, token: string): Promise<Caller | null> {
  return (await callEndpoint(link.url, SCANNER_CALLER, link.internalApiKey, { token })).caller;
}

/** Names by `<kind>:<id>`, as the figures look them up. */
export function partyNames(directory: NetworkDirectory): Map<string, string> {
  return new Map(directory.parties.map((party) => [`${party.kind}:${party.id}`, party.name]));
}
