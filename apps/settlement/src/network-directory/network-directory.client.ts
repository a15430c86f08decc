import { Inject, Injectable } from '@nestjs/common';
import { AccessClaims, Caller, callEndpoint, requireUser } from '@passerelle/auth';
import {
  SCANNER_CALLER,
  SETTLEMENT_DIRECTORY,
  SettlementDirectory,
  USER_CALLER,
  VISIBLE_VISITS,
  VisibleVisit,
} from '@passerelle/contracts';
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

  /** UNAUTHENTICATED unless the caller is a person. */
  async lookup(networkId: string, caller: Caller): Promise<NetworkDirectory> {
    const userId = requireUser(caller);
    const emailVerified = caller.kind === 'user' && caller.emailVerified;
    const answer = await callEndpoint(this.link.url, SETTLEMENT_DIRECTORY, this.link.internalApiKey, {
      networkId,
      userId,
      emailVerified,
    });
    if (!answer.network) throw new NotFoundError('Network', networkId);
    return answer as NetworkDirectory;
  }

  /** Of these visits, those the caller may see, by the registry's rule for Visit. */
  async visibleVisits(caller: Caller, visitIds: readonly string[]): Promise<Map<string, VisibleVisit>> {
    const answer = await callEndpoint(this.link.url, VISIBLE_VISITS, this.link.internalApiKey, { caller, visitIds });
    return new Map(answer.visits.map((visit) => [visit.id, visit]));
  }
}

/**
 * Who a device token stands for: only the registry knows scanners, so a scanner's request that
 * reaches settlement (a check-in result's period) is identified there.
 */
export async function scannerCaller(link: NetworkLink, token: string): Promise<Caller | null> {
  return (await callEndpoint(link.url, SCANNER_CALLER, link.internalApiKey, { token })).caller;
}

/**
 * Whether an access token is still good (not from before a password reset) and its user's address
 * verified: the registry holds what accounts reported, so settlement asks it, never accounts.
 */
export async function checkUser(link: NetworkLink, claims: AccessClaims): Promise<{ emailVerified: boolean } | null> {
  const answer = await callEndpoint(link.url, USER_CALLER, link.internalApiKey, { claims });
  return answer.current ? { emailVerified: answer.emailVerified } : null;
}

/** Names by `<kind>:<id>`, as the figures look them up. */
export function partyNames(directory: NetworkDirectory): Map<string, string> {
  return new Map(directory.parties.map((party) => [`${party.kind}:${party.id}`, party.name]));
}
