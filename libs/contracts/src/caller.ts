/**
 * Who is making a request, as far as a subgraph can tell without calling anyone. It crosses between
 * subgraphs too (settlement asks the registry what a caller may see), so it is defined here.
 */
export type Caller =
  | { kind: 'anonymous'; invalidToken: boolean }
  /** `emailVerified` false: nothing granted to the account's address (roles, passes) counts for it yet. */
  | { kind: 'user'; userId: string; emailVerified: boolean }
  | { kind: 'scanner'; scannerId: string; spaceId: string };

/** What an access token says of its user beyond the id (see libs/auth's access tokens). */
export interface AccessClaims {
  userId: string;
  /** Raised by each password reset: a token carrying a lower one is refused. */
  credentialVersion: number;
  emailVerified: boolean;
}
