/**
 * Who is making a request, as far as a subgraph can tell without calling anyone. It crosses between
 * subgraphs too (settlement asks the registry what a caller may see), so it is defined here.
 */
export type Caller =
  | { kind: 'anonymous'; invalidToken: boolean }
  | { kind: 'user'; userId: string }
  | { kind: 'scanner'; scannerId: string; spaceId: string };
