import { dataOf, postGraphQL } from '@passerelle/graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo: the Toulouse convention between La Cantine, La Serre and Etymon, created through the
 * public API like any client would, so that it obeys every rule the API enforces.
 */
export const DEMO_PASSWORD = 'passerelle-demo';

const SPACES = [
  {
    slug: 'la-cantine',
    name: 'La Cantine',
    address: "27 rue d'Aubuisson",
    latitude: 43.6045,
    longitude: 1.4523,
    nomadSeats: 12,
    creditsPerDay: 2,
    operator: 'cantine',
  },
  {
    slug: 'la-serre',
    name: 'La Serre',
    address: '24 rue Saint-Ursule',
    latitude: 43.6019,
    longitude: 1.4408,
    nomadSeats: 8,
    creditsPerDay: 1,
    operator: 'serre',
  },
  {
    slug: 'etymon',
    name: 'Etymon',
    address: "2 rue d'Austerlitz",
    latitude: 43.6066,
    longitude: 1.4497,
    nomadSeats: 6,
    creditsPerDay: 1,
    operator: 'etymon',
  },
];

export interface Demo {
  network: string;
  logins: Array<{ who: string; email: string; password: string }>;
  scanners: Array<{ space: string; token: string }>;
  passes?: Array<{ holder: string; product: string; serial: string }>;
  /** The month the demo's visits were uploaded into, to try the settlement on. */
  visitsMonth?: string;
}

const PRODUCTS = [
  {
    key: 'coupons',
    name: 'Carnet 10 jours',
    kind: 'COUPON_BOOK',
    units: 10,
    unitValueCents: 1200,
    validityDays: 365,
    allowPrintedQr: true,
  },
  { key: 'credits', name: 'Crédits nomades', kind: 'CREDITS', units: 20, unitValueCents: 700, validityDays: 180 },
  { key: 'convention', name: 'Convention Toulouse', kind: 'RECIPROCAL', freeDaysPerMonth: 3, unitValueCents: 1000 },
  { key: 'corporate', name: 'Pass entreprise', kind: 'CORPORATE', unitValueCents: 1500 },
] as const;

/** Demo holders: each signs up with the demo password and holds one pass of a kind. */
const HOLDERS = [
  { email: 'nina@toulouse.demo', name: 'Nina (nomade)', product: 'coupons', space: 'la-cantine' },
  { email: 'hugo@toulouse.demo', name: 'Hugo (crédits)', product: 'credits' },
  { email: 'lea@toulouse.demo', name: 'Léa (membre de La Serre)', product: 'convention', space: 'la-serre' },
  { email: 'sam@toulouse.demo', name: 'Sam (salarié)', product: 'corporate' },
] as const;

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const MAILBOX = `query ($to: String) { devMailbox(to: $to) { subject links } }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { id } }`;
const REGISTER_NETWORK = `mutation ($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }`;
const REGISTER_SPACE = `mutation ($input: RegisterSpaceInput!) { registerSpace(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestMembershipInput!) { requestMembership(input: $input) { id } }`;
const APPROVE = `mutation ($id: ID!) { approveMembership(membershipId: $id) { status } }`;
const SCANNER = `mutation ($input: RegisterScannerInput!) { registerScanner(input: $input) { token } }`;
const ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const PRODUCT = `mutation ($input: CreatePassProductInput!) { createPassProduct(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssuePassInput!) { issuePass(input: $input) { serial } }`;
const SYNC = `mutation ($input: [CheckInInput!]!) { syncCheckIns(input: $input) { status } }`;
const DAY_MS = 24 * 3600 * 1000;

export async function seedDemo(gatewayUrl: string, dataDir: string): Promise<Demo> {
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(gatewayUrl, query, variables, token));
  // Each demo account proves its address as a person would: the link from the dev mailbox, used by its own session.
  const signUp = async (email: string, displayName: string) => {
    const { accessToken } = (
      await call<{ signUp: { accessToken: string } }>(SIGN_UP, {
        input: { email, password: DEMO_PASSWORD, displayName },
      })
    ).signUp;
    const { devMailbox } = await call<{ devMailbox: Array<{ links: string[] }> | null }>(MAILBOX, { to: email });
    if (!devMailbox)
      throw new Error('The demo needs the dev mailbox: start it without MAIL_URL, or with SEED_DEMO=false.');
    const link = devMailbox.flatMap((message) => message.links).find((l) => l.includes('verify-email'));
    const token = link && new URL(link).searchParams.get('token');
    if (!token) throw new Error(`No verification link for ${email} in the dev mailbox.`);
    await call(VERIFY, { token }, accessToken);
    return accessToken;
  };

  const demo: Demo = { network: 'toulouse', logins: [], scanners: [], passes: [] };
  const spaceIds = new Map<string, string>();
  const adminEmail = 'admin@toulouse.demo';
  const admin = await signUp(adminEmail, 'Coop Coworking Toulouse');
  demo.logins.push({ who: 'network admin', email: adminEmail, password: DEMO_PASSWORD });
  const { registerNetwork } = await call<{ registerNetwork: { id: string } }>(
    REGISTER_NETWORK,
    {
      input: {
        slug: 'toulouse',
        name: 'Coworking Toulouse',
        currency: 'EUR',
        timezone: 'Europe/Paris',
        settlementMode: 'DIRECT',
      },
    },
    admin,
  );

  for (const space of SPACES) {
    const email = `${space.operator}@toulouse.demo`;
    const operator = await signUp(email, `Accueil ${space.name}`);
    demo.logins.push({ who: `operator of ${space.name}`, email, password: DEMO_PASSWORD });
    const { registerSpace } = await call<{ registerSpace: { id: string } }>(
      REGISTER_SPACE,
      {
        input: {
          slug: space.slug,
          name: space.name,
          city: 'Toulouse',
          country: 'FR',
          address: space.address,
          latitude: space.latitude,
          longitude: space.longitude,
          timezone: 'Europe/Paris',
        },
      },
      operator,
    );
    const { requestMembership } = await call<{ requestMembership: { id: string } }>(
      REQUEST,
      {
        input: {
          networkId: registerNetwork.id,
          spaceId: registerSpace.id,
          nomadSeats: space.nomadSeats,
          creditsPerDay: space.creditsPerDay,
        },
      },
      operator,
    );
    await call(APPROVE, { id: requestMembership.id }, admin);
    const { registerScanner } = await call<{ registerScanner: { token: string } }>(
      SCANNER,
      { input: { spaceId: registerSpace.id, name: `Front desk ${space.name}` } },
      operator,
    );
    demo.scanners.push({ space: space.name, token: registerScanner.token });
    spaceIds.set(space.slug, registerSpace.id);
  }

  const { createOrganization } = await call<{ createOrganization: { id: string } }>(
    ORGANIZATION,
    { input: { networkId: registerNetwork.id, name: 'Occitanie Conseil' } },
    admin,
  );
  const productIds = new Map<string, string>();
  for (const { key, ...product } of PRODUCTS) {
    const { createPassProduct } = await call<{ createPassProduct: { id: string } }>(
      PRODUCT,
      { input: { networkId: registerNetwork.id, ...product } },
      admin,
    );
    productIds.set(key, createPassProduct.id);
  }
  for (const holder of HOLDERS) {
    await signUp(holder.email, holder.name);
    demo.logins.push({ who: holder.name, email: holder.email, password: DEMO_PASSWORD });
    const { issuePass } = await call<{ issuePass: { serial: string } }>(
      ISSUE,
      {
        input: {
          productId: productIds.get(holder.product),
          holderEmail: holder.email,
          issuingSpaceId: 'space' in holder ? spaceIds.get(holder.space) : undefined,
          organizationId: holder.product === 'corporate' ? createOrganization.id : undefined,
        },
      },
      admin,
    );
    const product = PRODUCTS.find((p) => p.key === holder.product)!;
    demo.passes!.push({ holder: holder.email, product: product.name, serial: issuePass.serial });
  }
  demo.visitsMonth = await uploadLastMonthVisits(call, demo, spaceIds);
  // Scanner tokens are shown once by the API; the demo keeps its own in DATA_DIR (this user only).
  writeFileSync(join(dataDir, 'demo.json'), JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}

/**
 * Each front desk uploads, as an offline scanner would, a visit of every demo pass on one of the last
 * days of last month: a month with something to settle (`period`, `closePeriod`, `npm run statement`).
 */
async function uploadLastMonthVisits(
  call: <T>(query: string, variables: Record<string, unknown>, token?: string) => Promise<T>,
  demo: Demo,
  spaceIds: Map<string, string>,
): Promise<string> {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', day: 'numeric' });
  const dayOfMonth = Number(format.format(Date.now()));
  // Noon-ish on day (last − k) of last month: at most 34 days ago, within the offline upload window.
  const lastMonthDay = (k: number) => new Date(Date.now() - (dayOfMonth + k) * DAY_MS);
  for (const [index, space] of SPACES.entries()) {
    const scanner = demo.scanners.find((s) => s.space === space.name)!.token;
    const input = demo.passes!.map((pass) => ({
      spaceId: spaceIds.get(space.slug),
      credential: pass.serial,
      idempotencyKey: `demo-${space.slug}-${pass.serial}`,
      occurredAt: lastMonthDay(index).toISOString(),
    }));
    await call(SYNC, { input }, scanner);
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(lastMonthDay(0))
    .slice(0, 7);
}

export function readDemo(dataDir: string): Demo | undefined {
  const path = join(dataDir, 'demo.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Demo) : undefined;
}

/** The La Serre front desk checks in the README's examples. */
const README_DESK = 'La Serre';

/**
 * What a person needs to try the demo: the logins, the front desks' tokens, the passes' serials, the
 * month with visits, and the shell variables the README's examples use, ready to paste.
 */
export function printDemo(demo: Demo, gatewayUrl: string): void {
  const desk = demo.scanners.find((scanner) => scanner.space === README_DESK);
  const origin = new URL(gatewayUrl).origin;
  const lines = [
    '',
    'The web app (French; add ?lang=en for English):',
    `  ${origin}/wallet/   a holder's passes and QR codes — log in as a holder below (nina@toulouse.demo)`,
    `  ${origin}/desk/     a front desk — paste a scanner token below (La Cantine's)`,
    `  ${origin}/console/  operators and admins — cantine@toulouse.demo, or admin@toulouse.demo to close a month`,
    `Demo network "${demo.network}" — log in with logIn(input: { email, password }):`,
    ...demo.logins.map((login) => `  ${login.who.padEnd(26)} ${login.email.padEnd(24)} ${login.password}`),
    'Front-desk scanner tokens (Authorization: Bearer <token>):',
    ...demo.scanners.map((scanner) => `  ${scanner.space.padEnd(26)} ${scanner.token}`),
    'Demo passes (a front desk can also type the serial):',
    ...(demo.passes ?? []).map((pass) => `  ${pass.serial.padEnd(26)} ${pass.product.padEnd(24)} ${pass.holder}`),
    'Their mail (verification, invitations, passes) is in the dev mailbox, e.g.:',
    '  { devMailbox(to: "nina@toulouse.demo") { subject text links sentAt } }',
    ...(demo.visitsMonth
      ? [
          `Visits of ${demo.visitsMonth} to settle (password: ${DEMO_PASSWORD}):`,
          `  npm run statement -- --network ${demo.network} --month ${demo.visitsMonth} --email admin@toulouse.demo`,
        ]
      : []),
    "For the README's shell examples, paste these lines first:",
    `  G=${gatewayUrl}`,
    ...(desk ? [`  SCANNER=${desk.token}`] : []),
    ...(demo.visitsMonth ? [`  MONTH=${demo.visitsMonth}`] : []),
    '',
  ];
  console.log(lines.join('\n'));
}
