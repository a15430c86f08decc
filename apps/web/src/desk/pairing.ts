import { createApi } from '../shared/api';
import { graphql } from '../shared/graphql';

const CURRENT_SCANNER = graphql(`
  query CurrentScanner {
    currentScanner {
      id
      name
      revokedAt
      space {
        id
        name
        timezone
        memberships {
          status
          network {
            id
          }
        }
      }
    }
  }
`);

/** What the desk remembers of its pairing: the device token and the space it checks people in at. */
export interface Pairing {
  token: string;
  scannerName: string;
  spaceId: string;
  spaceName: string;
  timezone: string;
  /** Networks whose passes this space takes (ACTIVE memberships): a code of another is refused offline. */
  networkIds: string[];
}

const KEY = 'passerelle.desk.pairing';

export function loadPairing(): Pairing | undefined {
  const raw = localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Pairing) : undefined;
}

export function forgetPairing(): void {
  localStorage.removeItem(KEY);
}

/** Asks the API who this token is; a revoked or unknown token is refused there, with its message. */
export async function pair(token: string): Promise<Pairing> {
  const api = createApi(() => token);
  const { currentScanner } = await api.run(CURRENT_SCANNER, {});
  const pairing: Pairing = {
    token,
    scannerName: currentScanner.name,
    spaceId: currentScanner.space.id,
    spaceName: currentScanner.space.name,
    timezone: currentScanner.space.timezone,
    networkIds: currentScanner.space.memberships.filter((m) => m.status === 'ACTIVE').map((m) => m.network.id),
  };
  localStorage.setItem(KEY, JSON.stringify(pairing));
  return pairing;
}

/** The pairing QR the console shows encodes this URL; opening it (or pasting it) pairs the desk. */
export function tokenFromPairingLink(value: string): string {
  const match = /[#&]token=([^&]+)/.exec(value.trim());
  return match ? decodeURIComponent(match[1]) : value.trim();
}
