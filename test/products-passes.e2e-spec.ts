import { dataOf, errorOf, GraphQLResponse } from '@passerelle/testing';
import { decode } from 'jsonwebtoken';
import { sharedStack } from './support/shared-stack';
import {
  checkIn,
  createOrganization,
  createProduct,
  holderQr,
  holderSession,
  HOLDER_NAME,
  Input,
  issuePass,
  joinSpace,
  MINUTE,
  passAs,
  PASS_QR,
  seedNetwork,
  SeededNetwork,
  sellPass,
  signUp,
  tryCreateProduct,
  tryIssuePass,
  unique,
} from './support/passes';
import { MY_PASSES, NETWORK_KEYS, QR_IMAGES, REVOKE_PASS } from './support/documents';

const NETWORK_PRODUCTS = `query NetworkProducts($id: ID!) { network(id: $id) { products { name kind } } }`;
const ROTATE_KEY = `mutation RotateNetworkKey($id: ID!) { rotateNetworkKey(networkId: $id) { kid alg jwk retiredAt } }`;

type PublicKey = { kid: string; alg: string; jwk: string; retiredAt: string | null };

const SERIAL = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
const DAY_MS = 24 * 3600 * 1000;

const stack = sharedStack();

const refusal = (response: GraphQLResponse<unknown>) => {
  const { code, field } = errorOf(response);
  return { code, field };
};
const badInput = (field: string) => ({ code: 'BAD_USER_INPUT', field });
const codeOf = (response: GraphQLResponse<unknown>) => errorOf(response).code;

describe('pass products and passes', () => {
  let seeded: SeededNetwork;

  beforeAll(async () => {
    seeded = await seedNetwork(stack, { spaces: [{}, {}] });
  });

  const admin = () => seeded.admin.token;
  const network = () => seeded.network;

  it('creates a product of each kind, listed publicly on its network', async () => {
    const { network: net, admin: owner } = await seedNetwork(stack, { spaces: [] });
    const coupons = await createProduct(stack, owner.token, net.id, {
      name: 'Carnet de 10',
      validityDays: 365,
      allowPrintedQr: true,
    });
    expect(coupons).toMatchObject({ kind: 'COUPON_BOOK', units: 10, freeDaysPerMonth: null, unitValueCents: 700 });
    expect(coupons).toMatchObject({ validityDays: 365, allowPrintedQr: true, network: { id: net.id } });
    const credits = await createProduct(stack, owner.token, net.id, { name: 'Crédits', kind: 'CREDITS', units: 20 });
    expect(credits).toMatchObject({ kind: 'CREDITS', units: 20, validityDays: null, allowPrintedQr: false });
    const reciprocal = { name: 'Convention', kind: 'RECIPROCAL', units: null, freeDaysPerMonth: 2 };
    expect(await createProduct(stack, owner.token, net.id, reciprocal)).toMatchObject(reciprocal);
    const corporate = { name: 'Entreprise', kind: 'CORPORATE', units: null, unitValueCents: 2500 };
    expect(await createProduct(stack, owner.token, net.id, corporate)).toMatchObject({
      ...corporate,
      freeDaysPerMonth: null,
    });

    const listed = dataOf(await stack.gql<{ network: { products: unknown[] } }>(NETWORK_PRODUCTS, { id: net.id }));
    expect(listed.network.products).toEqual([
      { name: 'Carnet de 10', kind: 'COUPON_BOOK' },
      { name: 'Crédits', kind: 'CREDITS' },
      { name: 'Convention', kind: 'RECIPROCAL' },
      { name: 'Entreprise', kind: 'CORPORATE' },
    ]);
  });

  it('names the bad field of a product, and only the network admin creates one', async () => {
    const cases: Array<[Input, string]> = [
      [{ kind: 'COUPON_BOOK', units: null }, 'units'],
      [{ kind: 'RECIPROCAL', units: null }, 'freeDaysPerMonth'],
      [{ kind: 'CREDITS', freeDaysPerMonth: 2 }, 'freeDaysPerMonth'],
      [{ kind: 'RECIPROCAL', units: 5, freeDaysPerMonth: 2 }, 'units'],
      [{ unitValueCents: -1 }, 'unitValueCents'],
    ];
    for (const [overrides, field] of cases) {
      const response = await tryCreateProduct(stack, admin(), network().id, overrides);
      expect([overrides, refusal(response)]).toEqual([overrides, badInput(field)]);
    }
    const operator = seeded.spaces[0].operator.token;
    expect(codeOf(await tryCreateProduct(stack, operator, network().id))).toBe('FORBIDDEN');
    const stranger = await signUp(stack);
    expect(codeOf(await tryCreateProduct(stack, stranger.token, network().id))).toBe('FORBIDDEN');
  });

  it('lets an operator sell a coupon book for their own active member space, which pays for it', async () => {
    const seller = seeded.spaces[0];
    const product = await createProduct(stack, admin(), network().id, { units: 12, validityDays: 90 });
    const pass = await issuePass(stack, seller.operator.token, { productId: product.id, issuingSpaceId: seller.id });
    expect(pass).toMatchObject({ status: 'ACTIVE', remainingUnits: 12, daysUsedThisMonth: null, homeSpace: null });
    expect(pass.payer).toEqual({ kind: 'SPACE', id: seller.id, name: seller.name });
    expect(pass.product).toEqual({ id: product.id, kind: 'COUPON_BOOK' });
    expect(pass.serial).toMatch(SERIAL);
    const issuedAt = new Date(pass.issuedAt).getTime();
    expect(Math.abs(issuedAt - Date.now())).toBeLessThan(MINUTE);
    expect(Math.abs(new Date(pass.validUntil!).getTime() - (issuedAt + 90 * DAY_MS))).toBeLessThan(5_000);
  });

  it('refuses a coupon book without its selling space, or sold by a space that is not an active member', async () => {
    const product = await createProduct(stack, admin(), network().id);
    const seller = seeded.spaces[0];
    const withoutSpace = await tryIssuePass(stack, seller.operator.token, { productId: product.id });
    expect(refusal(withoutSpace)).toEqual(badInput('issuingSpaceId'));
    const pending = await joinSpace(stack, seeded, { pending: true });
    const input = { productId: product.id, issuingSpaceId: pending.id };
    expect(codeOf(await tryIssuePass(stack, pending.operator.token, input))).toBe('FORBIDDEN');
  });

  it('leaves credit passes to the network admin, and the network pays for them', async () => {
    const product = await createProduct(stack, admin(), network().id, { kind: 'CREDITS', units: 30 });
    const operator = seeded.spaces[0].operator.token;
    const input = { productId: product.id, issuingSpaceId: seeded.spaces[0].id };
    expect(codeOf(await tryIssuePass(stack, operator, input))).toBe('FORBIDDEN');
    const pass = await issuePass(stack, admin(), { productId: product.id });
    expect(pass).toMatchObject({ remainingUnits: 30, homeSpace: null, validUntil: null });
    expect(pass.payer).toEqual({ kind: 'NETWORK', id: network().id, name: network().name });
  });

  it('bills a corporate pass to its organization, which must be named', async () => {
    const product = await createProduct(stack, admin(), network().id, { kind: 'CORPORATE', units: null });
    expect(refusal(await tryIssuePass(stack, admin(), { productId: product.id }))).toEqual(badInput('organizationId'));
    const acme = await createOrganization(stack, admin(), network().id);
    const pass = await issuePass(stack, admin(), { productId: product.id, organizationId: acme.id });
    expect(pass).toMatchObject({ remainingUnits: null, daysUsedThisMonth: 0, homeSpace: null });
    expect(pass.payer).toEqual({ kind: 'ORGANIZATION', id: acme.id, name: acme.name });
  });

  it('makes the issuing space of a reciprocal pass its payer and home space', async () => {
    const home = seeded.spaces[1];
    const product = await createProduct(stack, admin(), network().id, {
      kind: 'RECIPROCAL',
      units: null,
      freeDaysPerMonth: 3,
    });
    const pass = await issuePass(stack, home.operator.token, { productId: product.id, issuingSpaceId: home.id });
    expect(pass).toMatchObject({ homeSpace: { id: home.id }, remainingUnits: null, daysUsedThisMonth: 0 });
    expect(pass.payer).toEqual({ kind: 'SPACE', id: home.id, name: home.name });
  });

  it('invites a holder without an account, who claims it at sign-up and then sees the pass', async () => {
    const holderEmail = `${unique('invited')}@example.org`;
    const pass = await sellPass(stack, seeded, {}, { holderEmail });
    const holder = await holderSession(stack, holderEmail);
    expect(holder.userId).toBe(pass.holder.id);
    type Mine = { myPasses: Array<{ id: string; serial: string; holder: unknown }> };
    const { myPasses } = dataOf(await stack.gql<Mine>(MY_PASSES, {}, holder.token));
    expect(myPasses).toEqual([
      {
        id: pass.id,
        serial: pass.serial,
        status: 'ACTIVE',
        holder: { id: holder.userId, email: holderEmail, displayName: HOLDER_NAME },
      },
    ]);
  });

  it("shows a pass to its holder, its seller's operators and the network admin only", async () => {
    const pass = await sellPass(stack, seeded);
    const holder = await holderSession(stack, pass.holderEmail);
    for (const token of [holder.token, seeded.spaces[0].operator.token, admin()]) {
      expect((await passAs(stack, token, pass.id))?.id).toBe(pass.id);
    }
    const stranger = await signUp(stack);
    expect(await passAs(stack, stranger.token, pass.id)).toBeNull();
    expect(await passAs(stack, seeded.spaces[1].operator.token, pass.id)).toBeNull();
  });

  it('gives the QR code to the holder only: rotating by default, printed when the product allows', async () => {
    const pass = await sellPass(stack, seeded);
    const operator = seeded.spaces[0].operator.token;
    expect(codeOf(await stack.gql(PASS_QR, { id: pass.id }, operator))).toBe('FORBIDDEN');

    const rotating = await holderQr(stack, pass.holderEmail, pass.id);
    const lifetime = new Date(rotating.expiresAt!).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(60_000);
    const holder = await holderSession(stack, pass.holderEmail);
    type Images = { pass: { qr: { svg: string; pngDataUrl: string } } };
    const { qr: images } = dataOf(await stack.gql<Images>(QR_IMAGES, { id: pass.id }, holder.token)).pass;
    expect(images.svg.startsWith('<svg')).toBe(true);
    expect(images.pngDataUrl.startsWith('data:image/png;base64,')).toBe(true);

    const printed = await stack.gql(PASS_QR, { id: pass.id, printed: true }, holder.token);
    expect(refusal(printed)).toEqual(badInput('printed'));

    const printable = await sellPass(stack, seeded, { allowPrintedQr: true, validityDays: 30 });
    const card = await holderQr(stack, printable.holderEmail, printable.id, true);
    expect(card.expiresAt).toBe(printable.validUntil);
  });

  it("revokes a pass at its seller's operator, not at an unrelated one", async () => {
    const pass = await sellPass(stack, seeded);
    const revoke = (token: string) =>
      stack.gql<{ revokePass: { status: string } }>(REVOKE_PASS, { id: pass.id, reason: 'Lost card' }, token);
    expect(codeOf(await revoke(seeded.spaces[1].operator.token))).toBe('FORBIDDEN');
    expect(dataOf(await revoke(seeded.spaces[0].operator.token)).revokePass).toEqual({
      id: pass.id,
      status: 'REVOKED',
    });
  });

  it("publishes the network's ES256 key, rotates it at the admin, and old codes still check in", async () => {
    const pass = await sellPass(stack, seeded);
    const before = await holderQr(stack, pass.holderEmail, pass.id);
    const keysOf = async () =>
      dataOf(await stack.gql<{ networkKeys: PublicKey[] }>(NETWORK_KEYS, { id: network().id })).networkKeys;

    const [key, ...others] = await keysOf();
    expect(others).toEqual([]);
    expect(key).toMatchObject({ alg: 'ES256', retiredAt: null });
    expect(JSON.parse(key.jwk)).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(decode(before.token, { complete: true })?.header.kid).toBe(key.kid);

    const rotate = (token: string) =>
      stack.gql<{ rotateNetworkKey: PublicKey[] }>(ROTATE_KEY, { id: network().id }, token);
    expect(codeOf(await rotate(seeded.spaces[0].operator.token))).toBe('FORBIDDEN');
    const rotated = dataOf(await rotate(admin())).rotateNetworkKey;
    expect(rotated).toHaveLength(2);
    expect(await keysOf()).toHaveLength(2);
    const retired = rotated.find((k) => k.kid === key.kid);
    const current = rotated.find((k) => k.kid !== key.kid);
    expect(retired?.retiredAt).not.toBeNull();
    expect(current).toMatchObject({ alg: 'ES256', retiredAt: null });

    const after = await holderQr(stack, pass.holderEmail, pass.id);
    expect(decode(after.token, { complete: true })?.header.kid).toBe(current?.kid);
    const host = seeded.spaces[1];
    const result = await checkIn(stack, host.scanner, { spaceId: host.id, credential: before.token });
    expect(result).toMatchObject({ status: 'ACCEPTED', reason: null, pass: { id: pass.id } });
  });
});
