import { bad, BadInputCase, invalid, request } from '../case';
import type { World } from '../world';
import { BLANK, INT_OVERFLOW, LONE_HIGH, long, MALFORMED_ID, NUL, RTL_OVERRIDE } from '../values';

const CREATE_PRODUCT = `mutation CreatePassProduct($input: CreatePassProductInput!) {
  createPassProduct(input: $input) { id }
}`;
const CREATE_PRODUCT_LITERAL = (unitValueCents: string) => `mutation CreatePassProduct($networkId: ID!) {
  createPassProduct(input: { networkId: $networkId, name: "Carnet", kind: COUPON_BOOK, units: 10, unitValueCents: ${unitValueCents} }) { id }
}`;
const ISSUE_PASS = `mutation IssuePass($input: IssuePassInput!) { issuePass(input: $input) { id } }`;
const REVOKE_PASS = `mutation RevokePass($passId: ID!, $reason: String!) { revokePass(passId: $passId, reason: $reason) { id } }`;

const product = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { networkId: w.networkId, name: 'Carnet', kind: 'COUPON_BOOK', units: 10, unitValueCents: 700, ...overrides },
});
const issue = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { productId: w.productId, holderEmail: 'lea@example.org', issuingSpaceId: w.spaceId, ...overrides },
});
const revoke = (overrides: Record<string, unknown>) => (w: World) => ({
  passId: w.revocablePassId,
  reason: 'Lost',
  ...overrides,
});

const asAdmin = { as: 'admin' } as const;
const asOperator = { as: 'operator' } as const;
/** Cents: the unit value of a product is a whole number of cents, at most 10,000,000 (100,000 €). */
const cents = (value: unknown) => product({ unitValueCents: value });

export const passCases: BadInputCase[] = [
  request(
    'createPassProduct: Cents as an empty string',
    CREATE_PRODUCT,
    cents(''),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents as hexadecimal',
    CREATE_PRODUCT,
    cents('0x10'),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents as a decimal string',
    CREATE_PRODUCT,
    cents('700'),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents in exponent notation',
    CREATE_PRODUCT,
    cents('7e2'),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request('createPassProduct: Cents not whole', CREATE_PRODUCT, cents(1.5), invalid('input.unitValueCents'), asAdmin),
  request(
    'createPassProduct: Cents as a boolean',
    CREATE_PRODUCT,
    cents(true),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request('createPassProduct: Cents null', CREATE_PRODUCT, cents(null), invalid('input.unitValueCents'), asAdmin),
  request('createPassProduct: Cents negative', CREATE_PRODUCT, cents(-1), bad('input.unitValueCents'), asAdmin),
  request(
    'createPassProduct: Cents above 10,000,000',
    CREATE_PRODUCT,
    cents(10_000_001),
    bad('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents of 2^53 - 1',
    CREATE_PRODUCT,
    cents(Number.MAX_SAFE_INTEGER),
    bad('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents beyond 2^53',
    CREATE_PRODUCT,
    cents(2 ** 60),
    invalid('input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents literal 1.5 in the document',
    CREATE_PRODUCT_LITERAL('1.5'),
    (w) => ({ networkId: w.networkId }),
    // A literal written in the document is refused by validation at its line and column: the query.
    invalid('query', 'unitValueCents', 'input.unitValueCents'),
    asAdmin,
  ),
  request(
    'createPassProduct: Cents literal as a string in the document',
    CREATE_PRODUCT_LITERAL('"700"'),
    (w) => ({ networkId: w.networkId }),
    invalid('query', 'unitValueCents', 'input.unitValueCents'),
    asAdmin,
  ),
  request('createPassProduct: units zero', CREATE_PRODUCT, product({ units: 0 }), bad('input.units'), asAdmin),
  request('createPassProduct: units negative', CREATE_PRODUCT, product({ units: -5 }), bad('input.units'), asAdmin),
  request(
    'createPassProduct: units above Int',
    CREATE_PRODUCT,
    product({ units: INT_OVERFLOW }),
    invalid('input.units'),
    asAdmin,
  ),
  request(
    'createPassProduct: units not whole',
    CREATE_PRODUCT,
    product({ units: 2.5 }),
    invalid('input.units'),
    asAdmin,
  ),
  request(
    'createPassProduct: units too large',
    CREATE_PRODUCT,
    product({ units: 100_001 }),
    bad('input.units'),
    asAdmin,
  ),
  request(
    'createPassProduct: freeDaysPerMonth of 32',
    CREATE_PRODUCT,
    product({ kind: 'RECIPROCAL', units: null, freeDaysPerMonth: 32 }),
    bad('input.freeDaysPerMonth'),
    asAdmin,
  ),
  request(
    'createPassProduct: freeDaysPerMonth zero',
    CREATE_PRODUCT,
    product({ kind: 'CORPORATE', units: null, freeDaysPerMonth: 0 }),
    bad('input.freeDaysPerMonth'),
    asAdmin,
  ),
  request(
    'createPassProduct: validityDays zero',
    CREATE_PRODUCT,
    product({ validityDays: 0 }),
    bad('input.validityDays'),
    asAdmin,
  ),
  request(
    'createPassProduct: validityDays too large',
    CREATE_PRODUCT,
    product({ validityDays: 100_000 }),
    bad('input.validityDays'),
    asAdmin,
  ),
  request(
    'createPassProduct: unknown kind',
    CREATE_PRODUCT,
    product({ kind: 'COUPONS' }),
    invalid('input.kind'),
    asAdmin,
  ),
  request(
    'createPassProduct: kind in lower case',
    CREATE_PRODUCT,
    product({ kind: 'coupon_book' }),
    invalid('input.kind'),
    asAdmin,
  ),
  request('createPassProduct: kind as a number', CREATE_PRODUCT, product({ kind: 0 }), invalid('input.kind'), asAdmin),
  request(
    'createPassProduct: allowPrintedQr as a string',
    CREATE_PRODUCT,
    product({ allowPrintedQr: 'yes' }),
    invalid('input.allowPrintedQr'),
    asAdmin,
  ),
  request('createPassProduct: empty name', CREATE_PRODUCT, product({ name: '' }), bad('input.name'), asAdmin),
  request('createPassProduct: NUL in the name', CREATE_PRODUCT, product({ name: NUL }), bad('input.name'), asAdmin),
  request(
    'createPassProduct: lone surrogate in the name',
    CREATE_PRODUCT,
    product({ name: LONE_HIGH }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createPassProduct: RTL override in the name',
    CREATE_PRODUCT,
    product({ name: RTL_OVERRIDE }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createPassProduct: malformed networkId',
    CREATE_PRODUCT,
    product({ networkId: MALFORMED_ID }),
    bad('input.networkId'),
    asAdmin,
  ),
  request(
    'createPassProduct: a COUPON_BOOK without units',
    CREATE_PRODUCT,
    product({ units: null }),
    bad('input.units'),
    asAdmin,
  ),

  request(
    'issuePass: malformed productId',
    ISSUE_PASS,
    issue({ productId: MALFORMED_ID }),
    bad('input.productId'),
    asOperator,
  ),
  request(
    'issuePass: malformed holderEmail',
    ISSUE_PASS,
    issue({ holderEmail: 'lea-at-example.org' }),
    bad('input.holderEmail'),
    asOperator,
  ),
  request(
    'issuePass: NUL in the holderEmail',
    ISSUE_PASS,
    issue({ holderEmail: 'lea\u0000@example.org' }),
    bad('input.holderEmail'),
    asOperator,
  ),
  request(
    'issuePass: overlong holderEmail',
    ISSUE_PASS,
    issue({ holderEmail: `${long(64)}@${long(240, 'b.')}org` }),
    bad('input.holderEmail'),
    asOperator,
  ),
  request(
    'issuePass: malformed issuingSpaceId',
    ISSUE_PASS,
    issue({ issuingSpaceId: MALFORMED_ID }),
    bad('input.issuingSpaceId'),
    asOperator,
  ),
  request(
    'issuePass: malformed organizationId',
    ISSUE_PASS,
    issue({ organizationId: 'acme' }),
    bad('input.organizationId'),
    asOperator,
  ),
  request(
    'issuePass: holderEmail missing',
    ISSUE_PASS,
    (w) => ({ input: { productId: w.productId } }),
    invalid('input.holderEmail', 'input'),
    asOperator,
  ),

  request('revokePass: malformed passId', REVOKE_PASS, revoke({ passId: MALFORMED_ID }), bad('passId'), asOperator),
  request('revokePass: NUL in the reason', REVOKE_PASS, revoke({ reason: `Lost${NUL}` }), bad('reason'), asOperator),
  request('revokePass: empty reason', REVOKE_PASS, revoke({ reason: '' }), bad('reason'), asOperator),
  request('revokePass: blank reason', REVOKE_PASS, revoke({ reason: BLANK }), bad('reason'), asOperator),
  request('revokePass: overlong reason', REVOKE_PASS, revoke({ reason: long(10_000) }), bad('reason'), asOperator),
  request(
    'revokePass: reason missing',
    REVOKE_PASS,
    (w) => ({ passId: w.revocablePassId }),
    invalid('reason'),
    asOperator,
  ),
];
