import { dataOf } from '@passerelle/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { GatewayClient } from './shared-stack';
import {
  APPROVE_MEMBERSHIP,
  CREATE_ORGANIZATION,
  REGISTER_NETWORK,
  REGISTER_SCANNER,
  REGISTER_SPACE,
  REQUEST_MEMBERSHIP,
  SIGN_UP,
  SUSPEND_MEMBERSHIP,
} from './documents';
import { verifyFromMailbox } from './mail';

/** Builders over the public API for the pass and check-in tests: every row is made through the gateway. */

export const PRODUCT_FIELDS = 'id name kind units freeDaysPerMonth unitValueCents validityDays allowPrintedQr';
export const PASS_FIELDS = `id serial status issuedAt validUntil remainingUnits daysUsedThisMonth
  payer { id kind name } homeSpace { id } product { id kind } holder { id }`;
export const CREATE_PRODUCT = `mutation CreatePassProduct($input: CreatePassProductInput!) {
  createPassProduct(input: $input) { ${PRODUCT_FIELDS} network { id } }
}`;
export const ISSUE_PASS = `mutation IssuePass($input: IssuePassInput!) { issuePass(input: $input) { ${PASS_FIELDS} } }`;
export const PASS = `query Pass($id: ID!) { pass(id: $id) { ${PASS_FIELDS} } }`;
/** Only what a scan needs: the images are drawn on demand, and a scan needs none. */
export const PASS_QR = `query PassQr($id: ID!, $printed: Boolean) { pass(id: $id) { qr(printed: $printed) { token expiresAt } } }`;
export const VISIT_FIELDS = `id status units amountCents localDate periodMonth occurredAt
  payer { id kind name } space { id } pass { id }`;
export const RESULT_FIELDS = `status reason message repeat visit { ${VISIT_FIELDS} } pass { id remainingUnits }`;
export const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { ${RESULT_FIELDS} } }`;
export const SYNC_CHECK_INS = `mutation SyncCheckIns($input: [CheckInInput!]!) {
  syncCheckIns(input: $input) { ${RESULT_FIELDS} }
}`;
export const VOID_VISIT = `mutation VoidVisit($id: ID!, $reason: String!) {
  voidVisit(visitId: $id, reason: $reason) { id status }
}`;
export const VISITS = `query Visits($filter: VisitFilter!, $first: Int, $after: String) {
  visits(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id periodMonth space { id } pass { id } } } pageInfo { hasNextPage endCursor }
  }
}`;

export type Input = Record<string, unknown>;
export type Session = { token: string; userId: string; email: string };
export type Party = { id: string; kind: string; name: string };
export type Product = {
  id: string;
  name: string;
  kind: string;
  units: number | null;
  freeDaysPerMonth: number | null;
  unitValueCents: number;
  validityDays: number | null;
  allowPrintedQr: boolean;
};
export type Pass = {
  id: string;
  serial: string;
  status: string;
  issuedAt: string;
  validUntil: string | null;
  remainingUnits: number | null;
  daysUsedThisMonth: number | null;
  payer: Party;
  homeSpace: { id: string } | null;
  product: { id: string; kind: string };
  holder: { id: string };
  holderEmail: string;
};
export type Qr = { token: string; expiresAt: string | null };
export type Visit = {
  id: string;
  status: string;
  units: number;
  amountCents: number;
  localDate: string;
  periodMonth: string;
  occurredAt: string;
  payer: Party;
  space: { id: string };
  pass: { id: string };
};
export type CheckInResult = {
  status: string;
  reason: string | null;
  message: string;
  repeat: boolean;
  visit: Visit | null;
  pass: { id: string; remainingUnits: number | null } | null;
};
export type VisitPage = {
  totalCount: number;
  edges: Array<{
    cursor: string;
    node: { id: string; periodMonth: string; space: { id: string }; pass: { id: string } };
  }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export interface SpaceSpec {
  /** `Espace <n>` unless told. */
  name?: string;
  nomadSeats?: number | null;
  creditsPerDay?: number;
  timezone?: string;
  /** Left PENDING instead of approved. */
  pending?: boolean;
}
export interface SeededSpace {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  membershipId: string;
  operator: Session;
  /** A scanner device token (psc_…) of this space. */
  scanner: string;
}
export interface SeededNetwork {
  admin: Session;
  network: { id: string; slug: string; name: string; timezone: string };
  spaces: SeededSpace[];
}

let seq = 0;
/** Files that share a stack share its database: this file's slugs and emails carry its own mark. */
const FILE_MARK = randomBytes(3).toString('hex');
export const unique = (prefix: string) => `${prefix}-${FILE_MARK}-${(seq += 1)}`;
export const newKey = () => `key-${randomUUID()}`;
export const HOLDER_NAME = 'Camille Nomade';
export const PASSWORD = 'correct horse battery';

/** A person who signs up and verifies their address from the dev mailbox (unless told not to). */
export async function signUp(
  stack: GatewayClient,
  email = `${unique('user')}@example.org`,
  displayName = 'Dominique',
  { verified = true }: { verified?: boolean } = {},
) {
  const input = { email, password: PASSWORD, displayName };
  const { signUp: auth } = dataOf(
    await stack.gql<{ signUp: { accessToken: string; user: { id: string } } }>(SIGN_UP, { input }),
  );
  if (verified) await verifyFromMailbox(stack, email, auth.accessToken);
  return { token: auth.accessToken, userId: auth.user.id, email } satisfies Session;
}

/** A space with its own operator and scanner, asked to join the network and (unless pending) approved. */
export async function joinSpace(stack: GatewayClient, seeded: Omit<SeededNetwork, 'spaces'>, spec: SpaceSpec = {}) {
  const operator = await signUp(stack);
  const spaceInput = { slug: unique('space'), name: spec.name ?? `Espace ${seq}`, city: 'Toulouse', country: 'FR' };
  const input = spec.timezone ? { ...spaceInput, timezone: spec.timezone } : spaceInput;
  type Space = Omit<SeededSpace, 'membershipId' | 'operator' | 'scanner'>;
  const space = dataOf(
    await stack.gql<{ registerSpace: Space }>(REGISTER_SPACE, { input }, operator.token),
  ).registerSpace;
  const membership = { networkId: seeded.network.id, spaceId: space.id, nomadSeats: spec.nomadSeats ?? null };
  const request = spec.creditsPerDay ? { ...membership, creditsPerDay: spec.creditsPerDay } : membership;
  const { id: membershipId } = dataOf(
    await stack.gql<{ requestMembership: { id: string } }>(REQUEST_MEMBERSHIP, { input: request }, operator.token),
  ).requestMembership;
  if (!spec.pending) dataOf(await stack.gql(APPROVE_MEMBERSHIP, { id: membershipId }, seeded.admin.token));
  const scannerInput = { spaceId: space.id, name: 'Front desk' };
  const { token: scanner } = dataOf(
    await stack.gql<{ registerScanner: { token: string } }>(REGISTER_SCANNER, { input: scannerInput }, operator.token),
  ).registerScanner;
  return { ...space, membershipId, operator, scanner } satisfies SeededSpace;
}

/** An admin, their network, and its spaces (each with an operator and a scanner), in the order given. */
export async function seedNetwork(
  stack: GatewayClient,
  { spaces = [{}], timezone }: { spaces?: SpaceSpec[]; timezone?: string } = {},
): Promise<SeededNetwork> {
  const admin = await signUp(stack);
  const networkInput = { slug: unique('net'), name: `Réseau ${seq}`, ...(timezone ? { timezone } : {}) };
  const { registerNetwork: network } = dataOf(
    await stack.gql<{ registerNetwork: SeededNetwork['network'] }>(
      REGISTER_NETWORK,
      { input: networkInput },
      admin.token,
    ),
  );
  const seeded: SeededNetwork = { admin, network, spaces: [] };
  for (const spec of spaces) seeded.spaces.push(await joinSpace(stack, seeded, spec));
  return seeded;
}

export const approveMembership = async (stack: GatewayClient, token: string, id: string) =>
  dataOf(await stack.gql(APPROVE_MEMBERSHIP, { id }, token));
export const suspendMembership = async (stack: GatewayClient, token: string, id: string) =>
  dataOf(await stack.gql(SUSPEND_MEMBERSHIP, { id }, token));

export async function createOrganization(stack: GatewayClient, token: string, networkId: string) {
  const input = { networkId, name: unique('Acme') };
  type Organization = { id: string; name: string };
  return dataOf(await stack.gql<{ createOrganization: Organization }>(CREATE_ORGANIZATION, { input }, token))
    .createOrganization;
}

/** A product of the network; a coupon book of 10 coupons at 7 € unless told otherwise. */
export const tryCreateProduct = (stack: GatewayClient, token: string, networkId: string, overrides: Input = {}) =>
  stack.gql<{ createPassProduct: Product & { network: { id: string } } }>(
    CREATE_PRODUCT,
    { input: { networkId, name: unique('Carnet'), kind: 'COUPON_BOOK', units: 10, unitValueCents: 700, ...overrides } },
    token,
  );
export const createProduct = async (stack: GatewayClient, token: string, networkId: string, overrides: Input = {}) =>
  dataOf(await tryCreateProduct(stack, token, networkId, overrides)).createPassProduct;

/** Issues a pass to a fresh email unless one is given. */
export const tryIssuePass = (stack: GatewayClient, token: string, input: Input) =>
  stack.gql<{ issuePass: Omit<Pass, 'holderEmail'> }>(
    ISSUE_PASS,
    { input: { holderEmail: `${unique('holder')}@example.org`, ...input } },
    token,
  );
export async function issuePass(stack: GatewayClient, token: string, input: Input): Promise<Pass> {
  const holderEmail = (input.holderEmail as string | undefined) ?? `${unique('holder')}@example.org`;
  const { issuePass: pass } = dataOf(await tryIssuePass(stack, token, { ...input, holderEmail }));
  return { ...pass, holderEmail };
}

/** A product (a coupon book unless told) and a pass of it, sold by `seller`; the admin issues network-wide kinds. */
export async function sellPass(
  stack: GatewayClient,
  seeded: SeededNetwork,
  product: Input = {},
  pass: Input = {},
  seller = seeded.spaces[0],
): Promise<Pass & { product: Product }> {
  const made = await createProduct(stack, seeded.admin.token, seeded.network.id, product);
  const bySpace = made.kind === 'COUPON_BOOK' || made.kind === 'RECIPROCAL';
  const token = bySpace ? seller.operator.token : seeded.admin.token;
  const issued = await issuePass(stack, token, {
    productId: made.id,
    ...(bySpace ? { issuingSpaceId: seller.id } : {}),
    ...pass,
  });
  return { ...issued, product: made };
}

const holders = new WeakMap<GatewayClient, Map<string, Session>>();

/** The holder's session: they sign up with the email the pass was issued to (once per stack). */
export async function holderSession(stack: GatewayClient, email: string): Promise<Session> {
  const known = holders.get(stack) ?? new Map<string, Session>();
  holders.set(stack, known);
  const session = known.get(email) ?? (await signUp(stack, email, HOLDER_NAME));
  known.set(email, session);
  return session;
}

export async function holderQr(
  stack: GatewayClient,
  holderEmail: string,
  passId: string,
  printed = false,
): Promise<Qr> {
  const holder = await holderSession(stack, holderEmail);
  type Shown = { pass: { qr: Qr } | null };
  return dataOf(await stack.gql<Shown>(PASS_QR, { id: passId, printed }, holder.token)).pass!.qr;
}

export type ScanInput = { spaceId: string; credential: string; idempotencyKey?: string; occurredAt?: Date | string };
const scanInput = (input: ScanInput) => ({
  ...input,
  idempotencyKey: input.idempotencyKey ?? newKey(),
  occurredAt: input.occurredAt instanceof Date ? input.occurredAt.toISOString() : input.occurredAt,
});

export const tryCheckIn = (stack: GatewayClient, token: string | undefined, input: ScanInput) =>
  stack.gql<{ checkIn: CheckInResult }>(CHECK_IN, { input: scanInput(input) }, token);
export const checkIn = async (stack: GatewayClient, token: string | undefined, input: ScanInput) =>
  dataOf(await tryCheckIn(stack, token, input)).checkIn;
/** A scan by the space's own scanner, with a fresh idempotency key. */
export const scanAt = (stack: GatewayClient, space: SeededSpace, credential: string, occurredAt?: Date) =>
  checkIn(stack, space.scanner, { spaceId: space.id, credential, occurredAt });
export const trySyncCheckIns = (stack: GatewayClient, token: string, inputs: ScanInput[]) =>
  stack.gql<{ syncCheckIns: CheckInResult[] }>(SYNC_CHECK_INS, { input: inputs.map(scanInput) }, token);

export const passAs = async (stack: GatewayClient, token: string, id: string) =>
  dataOf(await stack.gql<{ pass: Omit<Pass, 'holderEmail'> | null }>(PASS, { id }, token)).pass;

export const tryVisits = (stack: GatewayClient, token: string, filter: Input, first?: number, after?: string) =>
  stack.gql<{ visits: VisitPage }>(VISITS, { filter, first, after }, token);
export const visits = async (stack: GatewayClient, token: string, filter: Input, first?: number, after?: string) =>
  dataOf(await tryVisits(stack, token, filter, first, after)).visits;

/** An instant `ms` milliseconds before now (after now when negative). */
export const ago = (ms: number) => new Date(Date.now() - ms);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `YYYY-MM-DD` of an instant in a timezone, computed here rather than by the code under test. */
export const dateIn = (instant: Date | number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** Two past instants on different local days of the same month (Europe/Paris). */
export function sameMonthDays(): [Date, Date] {
  const [now, yesterday, before] = [ago(MINUTE), ago(DAY + HOUR), ago(2 * DAY + 2 * HOUR)];
  const month = (d: Date) => dateIn(d, 'Europe/Paris').slice(0, 7);
  return month(now) === month(yesterday) ? [now, yesterday] : [yesterday, before];
}

/** The latest local midnight starting a month in `timeZone`, at least 30 minutes ago. */
export function lastMonthStart(timeZone: string): number {
  const latest = Date.now() - 31 * MINUTE;
  const month = dateIn(latest, timeZone).slice(0, 7);
  let [lo, hi] = [Math.floor((latest - 40 * DAY) / MINUTE), Math.floor(latest / MINUTE)];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dateIn(mid * MINUTE, timeZone).slice(0, 7) === month) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}
