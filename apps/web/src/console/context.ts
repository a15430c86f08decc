import type { Api } from '../shared/api';
import { graphql } from '../shared/graphql';

const MY_ROLES = graphql(`
  query MyRoles {
    me {
      id
      roles {
        role
        network {
          id
          name
          currency
        }
        space {
          id
          name
          memberships {
            status
            network {
              id
              name
              currency
            }
          }
        }
      }
    }
  }
`);

/** Where the console works: a network, as its admin, or a space of it, as its operator. */
export interface WorkContext {
  key: string;
  networkId: string;
  networkName: string;
  currency: string;
  admin: boolean;
  spaceId?: string;
  spaceName?: string;
}

/** Every network and space the user has a role in, admin contexts first. */
export async function workContexts(api: Api): Promise<WorkContext[]> {
  const { me } = await api.run(MY_ROLES, {});
  const contexts: WorkContext[] = [];
  for (const grant of me?.roles ?? []) {
    if (grant.role === 'NETWORK_ADMIN' && grant.network)
      contexts.push({
        key: grant.network.id,
        networkId: grant.network.id,
        networkName: grant.network.name,
        currency: grant.network.currency,
        admin: true,
      });
  }
  for (const grant of me?.roles ?? []) {
    if (grant.role !== 'SPACE_OPERATOR' || !grant.space) continue;
    for (const membership of grant.space.memberships) {
      if (membership.status === 'PENDING') continue;
      const admin = contexts.some((c) => c.admin && c.networkId === membership.network.id);
      contexts.push({
        key: `${membership.network.id}/${grant.space.id}`,
        networkId: membership.network.id,
        networkName: membership.network.name,
        currency: membership.network.currency,
        admin,
        spaceId: grant.space.id,
        spaceName: grant.space.name,
      });
    }
  }
  return contexts;
}
