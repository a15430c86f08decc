import { CredentialSigningKey, signPassCredential } from '@passerelle/credentials';
import { dataOf, postGraphQL } from '@passerelle/graphql';
import { createHash, createPrivateKey } from 'node:crypto';
import type { Pool } from 'pg';
import { progress } from './log';
import { verifiedSignUp } from './sign-up';
import { BENCH_QR_KEY_SECRET } from './server';
import { KeyEncryption } from '../../apps/network/src/credentials/key-encryption';

/**
 * What the load needs: one network with many spaces (each with its own scanner, so that concurrent
 * check-ins do not all queue on one space's seat counter), one coupon-book product, and as many
 * fresh passes as the runs use, each with its own signed QR credential.
 */
export interface Fixtures {
  networkId: string;
  productId: string;
  timezone: string;
  sellerSpaceId: string;
  adminUserId: string;
  holderUserId: string;
  spaces: BenchSpace[];
  signingKey: CredentialSigningKey;
  credentials: CredentialPool;
  /** Inserts `count` new passes of the bench product (as issuePass would) and returns their ids. */
  allocatePasses(count: number): Promise<string[]>;
}

export interface BenchSpace {
  id: string;
  scannerId: string;
  scannerToken: string;
  scannerTokenHash: string;
}

export const TIMEZONE = 'Europe/Paris';
export const PRODUCT = { units: 10, unitValueCents: 1200, validityDays: 365 };
/** Far more than a run can take in a day: the seat counter is written on every check-in, never full. */
export const NOMAD_SEATS = 100_000;

const REGISTER_NETWORK = `mutation ($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }`;
const REGISTER_SPACE = `mutation ($input: RegisterSpaceInput!) { registerSpace(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestMembershipInput!) { requestMembership(input: $input) { id } }`;
const APPROVE = `mutation ($id: ID!) { approveMembership(membershipId: $id) { status } }`;
const SCANNER = `mutation ($input: RegisterScannerInput!) { registerScanner(input: $input) { token scanner { id } } }`;
const PRODUCT_MUTATION = `mutation ($input: CreatePassProductInput!) { createPassProduct(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssuePassInput!) { issuePass(input: $input) { id holder { id } } }`;
const QR = `query ($id: ID!) { pass(id: $id) { qr(printed: true) { token } } }`;
export const PASSWORD = 'bench-password-not-secret';

export async function setUpFixtures(gatewayUrl: string, pool: Pool, spaceCount: number): Promise<Fixtures> {
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(gatewayUrl, query, variables, token));
  const signUp = (email: string, displayName: string) =>
    verifiedSignUp(gatewayUrl, { email, password: PASSWORD, displayName });

  progress(`Setting up a network with ${spaceCount} spaces, their scanners and a product through the API…`);
  const admin = await signUp('admin@bench.example', 'Bench network admin');
  const operator = await signUp('operator@bench.example', 'Bench space operator');
  const holder = await signUp('holder@bench.example', 'Bench pass holder');
  const networkId = (
    await call<{ registerNetwork: { id: string } }>(
      REGISTER_NETWORK,
      {
        input: { slug: 'bench', name: 'Bench network', currency: 'EUR', timezone: TIMEZONE, settlementMode: 'DIRECT' },
      },
      admin.accessToken,
    )
  ).registerNetwork.id;

  const joinSpace = async (index: number): Promise<BenchSpace> => {
    const slug = index < 0 ? 'bench-seller' : `bench-desk-${index}`;
    const spaceId = (
      await call<{ registerSpace: { id: string } }>(
        REGISTER_SPACE,
        { input: { slug, name: slug, city: 'Toulouse', country: 'FR', timezone: TIMEZONE } },
        operator.accessToken,
      )
    ).registerSpace.id;
    const membershipId = (
      await call<{ requestMembership: { id: string } }>(
        REQUEST,
        { input: { networkId, spaceId, nomadSeats: NOMAD_SEATS, creditsPerDay: 1 } },
        operator.accessToken,
      )
    ).requestMembership.id;
    await call(APPROVE, { id: membershipId }, admin.accessToken);
    const scanner = (
      await call<{ registerScanner: { token: string; scanner: { id: string } } }>(
        SCANNER,
        { input: { spaceId, name: `Front desk ${slug}` } },
        operator.accessToken,
      )
    ).registerScanner;
    return {
      id: spaceId,
      scannerId: scanner.scanner.id,
      scannerToken: scanner.token,
      scannerTokenHash: createHash('sha256').update(scanner.token).digest('hex'),
    };
  };
  const seller = await joinSpace(-1);
  const spaces: BenchSpace[] = [];
  for (let start = 0; start < spaceCount; start += 8) {
    const batch = Array.from({ length: Math.min(8, spaceCount - start) }, (_, i) => joinSpace(start + i));
    spaces.push(...(await Promise.all(batch)));
  }
  const productId = (
    await call<{ createPassProduct: { id: string } }>(
      PRODUCT_MUTATION,
      {
        input: {
          networkId,
          name: 'Bench coupon book',
          kind: 'COUPON_BOOK',
          units: PRODUCT.units,
          unitValueCents: PRODUCT.unitValueCents,
          validityDays: PRODUCT.validityDays,
          allowPrintedQr: true,
        },
      },
      admin.accessToken,
    )
  ).createPassProduct.id;
  // One pass through the API: it makes the network's QR signing key, and checks the bulk passes' shape.
  const issued = (
    await call<{ issuePass: { id: string; holder: { id: string } } }>(
      ISSUE,
      { input: { productId, holderEmail: 'holder@bench.example', issuingSpaceId: seller.id } },
      admin.accessToken,
    )
  ).issuePass;
  await call(QR, { id: issued.id }, holder.accessToken);
  const [key] = (
    await pool.query<{ kid: string; sealed_private_key: string }>(
      'SELECT kid, sealed_private_key FROM network_keys WHERE network_id = $1 AND retired_at IS NULL',
      [networkId],
    )
  ).rows;
  if (!key) throw new Error('The network has no signing key: issuing its first QR code should have made one.');
  const privateKeyPem = new KeyEncryption(BENCH_QR_KEY_SECRET).open(key.sealed_private_key);
  const signingKey = { kid: key.kid, privateKey: createPrivateKey(privateKeyPem) };

  let nextSerial = 0;
  const allocatePasses = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let done = 0; done < count; done += 20_000) {
      const serials = Array.from({ length: Math.min(20_000, count - done) }, () => benchSerial(nextSerial++));
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO passes (serial, product_id, network_id, kind, holder_id, payer_kind, payer_id, home_space_id,
                             issued_by, issued_at, valid_until, remaining_units)
         SELECT serial, $2, $3, 'COUPON_BOOK', $4, 'SPACE', $5, NULL, $6, now(), now() + make_interval(days => $7), $8
           FROM unnest($1::text[]) AS serial
         RETURNING id`,
        [
          serials,
          productId,
          networkId,
          issued.holder.id,
          seller.id,
          admin.user.id,
          PRODUCT.validityDays,
          PRODUCT.units,
        ],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  };
  const fixtures: Fixtures = {
    networkId,
    productId,
    timezone: TIMEZONE,
    sellerSpaceId: seller.id,
    adminUserId: admin.user.id,
    holderUserId: issued.holder.id,
    spaces,
    signingKey,
    credentials: undefined as unknown as CredentialPool,
    allocatePasses,
  };
  fixtures.credentials = new CredentialPool(fixtures);
  return fixtures;
}

/**
 * Serials in the shape issuePass gives (XXXX-XXXX in its alphabet), counting down from the top of the
 * range so that they never meet the few random ones the API issued.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function benchSerial(n: number): string {
  let value = 30 ** 8 - 1 - n;
  let serial = '';
  for (let i = 0; i < 8; i += 1) {
    serial = ALPHABET[value % 30] + serial;
    value = Math.floor(value / 30);
  }
  return `${serial.slice(0, 4)}-${serial.slice(4)}`;
}

export interface Credential {
  passId: string;
  token: string;
}

/**
 * Signed QR credentials of passes never scanned, made before a run so that the load generator does
 * not sign while it measures. Should a run outlast them, spare passes are signed on the spot (and
 * counted); past those, a used credential comes back (a repeat visit, which the run reports).
 */
export class CredentialPool {
  private readonly ready: Credential[] = [];
  private readonly spare: string[] = [];
  private last?: Credential;
  signedDuringLoad = 0;
  reused = 0;

  constructor(private readonly fixtures: Fixtures) {}

  get available(): number {
    return this.ready.length + this.spare.length;
  }

  async ensure(count: number): Promise<void> {
    const missing = count - this.ready.length;
    const spareMissing = Math.ceil(count / 2) - this.spare.length;
    if (missing <= 0 && spareMissing <= 0) return;
    const ids = await this.fixtures.allocatePasses(Math.max(0, missing) + Math.max(0, spareMissing));
    const toSign = ids.slice(0, Math.max(0, missing));
    this.spare.push(...ids.slice(toSign.length));
    if (toSign.length > 5000) progress(`Signing ${toSign.length} QR credentials…`);
    for (const passId of toSign) this.ready.push({ passId, token: this.sign(passId) });
  }

  take(): Credential {
    let credential = this.ready.pop();
    if (!credential) {
      const passId = this.spare.pop();
      if (passId) {
        this.signedDuringLoad += 1;
        credential = { passId, token: this.sign(passId) };
      }
    }
    if (!credential) {
      this.reused += 1;
      return this.last!;
    }
    this.last = credential;
    return credential;
  }

  /** A printed code, as PassQrService signs it (valid a day: the runs are minutes long). */
  sign(passId: string): string {
    return signPassCredential(this.fixtures.signingKey, {
      passId,
      networkId: this.fixtures.networkId,
      printed: true,
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
    });
  }
}
