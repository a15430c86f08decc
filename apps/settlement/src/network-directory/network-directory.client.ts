import { Inject, Injectable } from '@nestjs/common';
import { AccessClaims, Caller, callInternal, requireUser } from '@passerelle/auth';
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

  /** UNAUTHENTICATED unless the caller is a person. */
  async lookup(networkId: string, caller: Caller): Promise<NetworkDirectory> {
    const userId = requireUser(caller);
    const emailVerified = caller.kind === 'user' && caller.emailVerified;
    const answer = await callInternal<
      Omit<NetworkDirectory, 'network'> & { network: NetworkDirectory['network'] | null }
    >(this.link.url, '/internal/settlement-directory', this.link.internalApiKey, { networkId, userId, emailVerified });
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

/**
 * Whether an access token is still good (not from before a password reset) and its user's address
 * verified: the registry holds what accounts reported, so settlement asks it, never accounts.
 */
export async function checkUser(link: NetworkLink, claims: AccessClaims): Promise<{ emailVerified: boolean } | null> {
  const answer = await callInternal<{ current: boolean; emailVerified: boolean }>(
    link.url,
    '/internal/user-caller',
    link.internalApiKey,
    { claims },
  );
  return answer.current ? { emailVerified: answer.emailVerified } : null;
}

/** Names by `<kind>:<id>`, as the figures look them up. */
export function partyNames(directory: NetworkDirectory): Map<string, string> {
  return new Map(directory.parties.map((party) => [`${party.kind}:${party.id}`, party.name]));
}
