import { PartyKind } from '@passerelle/contracts';

/**
 * Who is asking, with every role they hold, loaded once per request. A scanner is a device: it
 * stands for its space's front desk and nothing else.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'scanner'; spaceId: string }
  | {
      kind: 'user';
      userId: string;
      /** False until the account proves it owns its address: then it holds nothing granted to it. */
      emailVerified: boolean;
      /** Networks the user administers. */
      adminOf: ReadonlySet<string>;
      /** Spaces the user operates. */
      operatorOf: ReadonlySet<string>;
      /** For each network, the spaces the user operates whose membership in it is ACTIVE. */
      activeSpacesByNetwork: ReadonlyMap<string, ReadonlySet<string>>;
    };

type UserActor = Extract<Actor, { kind: 'user' }>;

/** What a permission is asked about: the ids that decide it, loaded from the resource. */
export interface Subjects {
  network: { networkId: string };
  space: { spaceId: string };
  membership: { networkId: string; spaceId: string };
  scanner: { spaceId: string };
  pass: { networkId: string; holderId: string; payerKind: PartyKind; payerId: string };
  visit: { networkId: string; spaceId: string; holderId: string; payerKind: PartyKind; payerId: string };
  /** A person, with the passes they hold (whose issuers may reach them). */
  user: { userId: string; passes: Array<Subjects['pass']> };
  /** A pass about to be sold: who pays decides who may sell it. */
  sale: { networkId: string; issuingSpaceId: string | null; payer: PartyKind };
}
export type SubjectKind = keyof Subjects;

/**
 * The catalogue: every rule of who may do what in the network subgraph, and nothing else decides it.
 * Resolvers declare which one guards them (`@Allow`); reference resolvers and the internal endpoints
 * of the other subgraphs ask the same rules through AccessService.
 */
export enum Permission {
  /** Anyone, without a token: the public directory, the QR verification keys. */
  PUBLIC = 'PUBLIC',
  /** Register a network or a space, see one's own passes. */
  SIGNED_IN = 'SIGNED_IN',
  /** Approve members, define products, grant admin, rotate keys, add organizations, close a period. */
  ADMINISTER_NETWORK = 'ADMINISTER_NETWORK',
  /** Register scanners, grant operator, ask to join a network, void the visits it hosted. */
  OPERATE_SPACE = 'OPERATE_SPACE',
  /** Suspend a membership. */
  SUSPEND_MEMBERSHIP = 'SUSPEND_MEMBERSHIP',
  /** Check someone in at the space. */
  CHECK_IN = 'CHECK_IN',
  /** Issue a pass of a product. */
  ISSUE_PASS = 'ISSUE_PASS',
  /** Revoke a pass, read its history. */
  MANAGE_PASS = 'MANAGE_PASS',
  /** See a pass and its QR's owner-only details. */
  SEE_PASS = 'SEE_PASS',
  /** Show a pass's QR code. */
  SHOW_QR = 'SHOW_QR',
  /** See one visit. */
  SEE_VISIT = 'SEE_VISIT',
  /** List visits, each caller within its `visitsScope`. */
  LIST_VISITS = 'LIST_VISITS',
  /** See every visit of a network (others see those of their own spaces only). */
  SEE_NETWORK_VISITS = 'SEE_NETWORK_VISITS',
  /** Read a settlement period's figures. */
  READ_PERIOD = 'READ_PERIOD',
  /** Read a user's email address. */
  SEE_EMAIL = 'SEE_EMAIL',
}

interface Rule<K extends SubjectKind | null> {
  subject: K;
  /** Completes "Only … may <action>." */
  who: string;
  allows: (actor: Actor, subject: K extends SubjectKind ? Subjects[K] : null) => boolean;
}

const user = (actor: Actor): actor is UserActor => actor.kind === 'user';
const admin = (actor: Actor, networkId: string) => user(actor) && actor.adminOf.has(networkId);
const operator = (actor: Actor, spaceId: string) => user(actor) && actor.operatorOf.has(spaceId);
const activeOperator = (actor: Actor, networkId: string) =>
  user(actor) && (actor.activeSpacesByNetwork.get(networkId)?.size ?? 0) > 0;
/** A pass's issuer: its network's admins, and the operators of the space that sold it and pays for it. */
const issuer = (actor: Actor, pass: Subjects['pass']) =>
  admin(actor, pass.networkId) || (pass.payerKind === PartyKind.SPACE && operator(actor, pass.payerId));
const holder = (actor: Actor, holderId: string) => user(actor) && actor.emailVerified && actor.userId === holderId;

export const RULES: { [P in Permission]: Rule<SubjectKind | null> } = {
  [Permission.PUBLIC]: { subject: null, who: 'anyone', allows: () => true },
  [Permission.SIGNED_IN]: { subject: null, who: 'a logged-in person', allows: user },
  [Permission.ADMINISTER_NETWORK]: {
    subject: 'network',
    who: 'an admin of this network',
    allows: (actor, s) => admin(actor, (s as Subjects['network']).networkId),
  },
  [Permission.OPERATE_SPACE]: {
    subject: 'space',
    who: 'an operator of this space',
    allows: (actor, s) => operator(actor, (s as Subjects['space']).spaceId),
  },
  [Permission.SUSPEND_MEMBERSHIP]: {
    subject: 'membership',
    who: 'an admin of the network or an operator of the space',
    allows: (actor, s) => {
      const { networkId, spaceId } = s as Subjects['membership'];
      return admin(actor, networkId) || operator(actor, spaceId);
    },
  },
  [Permission.CHECK_IN]: {
    subject: 'space',
    who: 'a scanner or an operator of this space',
    allows: (actor, s) => {
      const { spaceId } = s as Subjects['space'];
      return actor.kind === 'scanner' ? actor.spaceId === spaceId : operator(actor, spaceId);
    },
  },
  [Permission.ISSUE_PASS]: {
    subject: 'sale',
    who: "the network's admins, or operators of the issuing space for the passes it sells",
    allows: (actor, s) => {
      const sale = s as Subjects['sale'];
      if (admin(actor, sale.networkId)) return true;
      // A space sells (and pays for) coupon books and reciprocal passes, and only while it is a member.
      return (
        sale.payer === PartyKind.SPACE &&
        sale.issuingSpaceId !== null &&
        user(actor) &&
        (actor.activeSpacesByNetwork.get(sale.networkId)?.has(sale.issuingSpaceId) ?? false)
      );
    },
  },
  [Permission.MANAGE_PASS]: {
    subject: 'pass',
    who: "the pass's issuer (its space's operators or the network's admins)",
    allows: (actor, s) => issuer(actor, s as Subjects['pass']),
  },
  [Permission.SEE_PASS]: {
    subject: 'pass',
    who: "the pass's holder and issuer",
    allows: (actor, s) => holder(actor, (s as Subjects['pass']).holderId) || issuer(actor, s as Subjects['pass']),
  },
  [Permission.SHOW_QR]: {
    subject: 'pass',
    who: 'the holder of a pass',
    allows: (actor, s) => holder(actor, (s as Subjects['pass']).holderId),
  },
  [Permission.SEE_VISIT]: {
    subject: 'visit',
    who: "the visit's host (its desk and operators), its pass's holder and issuer, and the network's admins",
    allows: (actor, s) => {
      const visit = s as Subjects['visit'];
      if (actor.kind === 'scanner') return actor.spaceId === visit.spaceId;
      return holder(actor, visit.holderId) || operator(actor, visit.spaceId) || issuer(actor, visit);
    },
  },
  [Permission.LIST_VISITS]: {
    subject: null,
    who: 'a logged-in person or a scanner',
    allows: (actor) => user(actor) || actor.kind === 'scanner',
  },
  [Permission.SEE_NETWORK_VISITS]: {
    subject: 'network',
    who: 'an admin of this network',
    allows: (actor, s) => admin(actor, (s as Subjects['network']).networkId),
  },
  [Permission.READ_PERIOD]: {
    subject: 'network',
    who: "the network's admins and the operators of its active member spaces",
    allows: (actor, s) => {
      const { networkId } = s as Subjects['network'];
      return admin(actor, networkId) || activeOperator(actor, networkId);
    },
  },
  [Permission.SEE_EMAIL]: {
    subject: 'user',
    who: "the person themselves, and the issuers of their passes (the paying space's operators, the network's admins)",
    allows: (actor, s) => {
      const person = s as Subjects['user'];
      return holder(actor, person.userId) || person.passes.some((pass) => issuer(actor, pass));
    },
  },
};

/** Whether the actor may, by the catalogue. */
export function allows<P extends Permission>(actor: Actor, permission: P, subject: unknown): boolean {
  return RULES[permission].allows(actor, subject as never);
}

/**
 * Which of a network's visits `visits` lists: all of them to its admins; to operators, those their
 * spaces hosted and those of the passes their spaces sold; to a desk, only its own space's visits of
 * that space's today (its "Today's visitors"), whatever else the filter asks.
 */
export type VisitsScope = { all: true } | { all: false; spaceIds: string[] } | { deskOf: string };

export function visitsScope(actor: Actor, networkId: string): VisitsScope {
  if (actor.kind === 'scanner') return { deskOf: actor.spaceId };
  if (admin(actor, networkId)) return { all: true };
  return { all: false, spaceIds: user(actor) ? [...actor.operatorOf] : [] };
}

/** The spaces of a network whose settlement lines the actor may read (all of them for an admin). */
export function periodScope(actor: Actor, networkId: string): { all: true } | { all: false; spaceIds: string[] } {
  if (admin(actor, networkId)) return { all: true };
  return { all: false, spaceIds: user(actor) ? [...(actor.activeSpacesByNetwork.get(networkId) ?? [])] : [] };
}
