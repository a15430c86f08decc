import { z } from 'zod';

/** Who owes or is owed money for a visit: a space, the network itself, or an organization. */
export enum PartyKind {
  SPACE = 'SPACE',
  NETWORK = 'NETWORK',
  ORGANIZATION = 'ORGANIZATION',
}

export const partyKindSchema = z.enum(PartyKind);

/** A party as it crosses between subgraphs: by kind and id, with its current name where one is given. */
export interface NamedParty {
  kind: PartyKind;
  id: string;
  name: string;
}
