import { bad, BadInputCase, invalid, request } from '../case';
import type { World } from '../world';
import { BLANK, INT_OVERFLOW, LONE_LOW, long, MALFORMED_ID, NUL, RTL_OVERRIDE, SQL_ID, ZERO_WIDTH } from '../values';

const REGISTER_NETWORK = `mutation RegisterNetwork($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }`;
const REGISTER_SPACE = `mutation RegisterSpace($input: RegisterSpaceInput!) { registerSpace(input: $input) { id } }`;
const REQUEST_MEMBERSHIP = `mutation RequestMembership($input: RequestMembershipInput!) {
  requestMembership(input: $input) { id }
}`;
const APPROVE = `mutation Approve($membershipId: ID!) { approveMembership(membershipId: $membershipId) { id } }`;
const SUSPEND = `mutation Suspend($membershipId: ID!) { suspendMembership(membershipId: $membershipId) { id } }`;
const GRANT_ROLE = `mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { role } }`;
const REGISTER_SCANNER = `mutation RegisterScanner($input: RegisterScannerInput!) {
  registerScanner(input: $input) { token }
}`;
const REVOKE_SCANNER = `mutation RevokeScanner($scannerId: ID!) { revokeScanner(scannerId: $scannerId) { id } }`;
const CREATE_ORGANIZATION = `mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id }
}`;

let slugs = 0;
const network = (overrides: Record<string, unknown>) => () => ({
  input: { slug: `corpus-net-${(slugs += 1)}`, name: 'Réseau', ...overrides },
});
const space = (overrides: Record<string, unknown>) => () => ({
  input: { slug: `corpus-space-${(slugs += 1)}`, name: 'Le Hangar', city: 'Albi', country: 'FR', ...overrides },
});
/** The host space asks again; a bad field must be named before anything else is looked at. */
const membership = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { networkId: w.networkId, spaceId: w.hostSpaceId, nomadSeats: 4, ...overrides },
});
const grant = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { email: 'bob@example.org', role: 'NETWORK_ADMIN', networkId: w.networkId, ...overrides },
});
const scanner = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { spaceId: w.spaceId, name: 'Accueil', ...overrides },
});
const organization = (overrides: Record<string, unknown>) => (w: World) => ({
  input: { networkId: w.networkId, name: 'Acme', ...overrides },
});

const asStranger = { as: 'stranger' } as const;
const asAdmin = { as: 'admin' } as const;
const asOperator = { as: 'operator' } as const;
const asHostOperator = { as: 'hostOperator' } as const;

export const registryCases: BadInputCase[] = [
  request(
    'registerNetwork: slug of 2 characters',
    REGISTER_NETWORK,
    network({ slug: 'ab' }),
    bad('input.slug'),
    asStranger,
  ),
  request(
    'registerNetwork: slug of 64 characters',
    REGISTER_NETWORK,
    network({ slug: long(64) }),
    bad('input.slug'),
    asStranger,
  ),
  request(
    'registerNetwork: slug in capitals',
    REGISTER_NETWORK,
    network({ slug: 'Occitanie' }),
    bad('input.slug'),
    asStranger,
  ),
  request(
    'registerNetwork: zero-width space in the slug',
    REGISTER_NETWORK,
    network({ slug: 'occi\u200Btanie' }),
    bad('input.slug'),
    asStranger,
  ),
  request(
    'registerNetwork: NUL in the slug',
    REGISTER_NETWORK,
    network({ slug: 'occi\u0000tanie' }),
    bad('input.slug'),
    asStranger,
  ),
  request('registerNetwork: empty name', REGISTER_NETWORK, network({ name: '' }), bad('input.name'), asStranger),
  request('registerNetwork: blank name', REGISTER_NETWORK, network({ name: BLANK }), bad('input.name'), asStranger),
  request(
    'registerNetwork: zero-width name',
    REGISTER_NETWORK,
    network({ name: ZERO_WIDTH }),
    bad('input.name'),
    asStranger,
  ),
  request('registerNetwork: NUL in the name', REGISTER_NETWORK, network({ name: NUL }), bad('input.name'), asStranger),
  request(
    'registerNetwork: RTL override in the name',
    REGISTER_NETWORK,
    network({ name: RTL_OVERRIDE }),
    bad('input.name'),
    asStranger,
  ),
  request(
    'registerNetwork: lone surrogate in the name',
    REGISTER_NETWORK,
    network({ name: LONE_LOW }),
    bad('input.name'),
    asStranger,
  ),
  request(
    'registerNetwork: overlong name',
    REGISTER_NETWORK,
    network({ name: long(201) }),
    bad('input.name'),
    asStranger,
  ),
  request(
    'registerNetwork: name as a number',
    REGISTER_NETWORK,
    network({ name: 3 }),
    invalid('input.name'),
    asStranger,
  ),
  request(
    'registerNetwork: currency not ISO 4217',
    REGISTER_NETWORK,
    network({ currency: 'EURO' }),
    bad('input.currency'),
    asStranger,
  ),
  request(
    'registerNetwork: currency as a symbol',
    REGISTER_NETWORK,
    network({ currency: '€' }),
    bad('input.currency'),
    asStranger,
  ),
  request(
    'registerNetwork: unknown timezone',
    REGISTER_NETWORK,
    network({ timezone: 'Mars/Olympus_Mons' }),
    bad('input.timezone'),
    asStranger,
  ),
  request(
    'registerNetwork: NUL in the timezone',
    REGISTER_NETWORK,
    network({ timezone: 'Europe/Paris\u0000' }),
    bad('input.timezone'),
    asStranger,
  ),
  request(
    'registerNetwork: unknown settlementMode',
    REGISTER_NETWORK,
    network({ settlementMode: 'BOTH' }),
    invalid('input.settlementMode'),
    asStranger,
  ),
  request(
    'registerNetwork: settlementMode in lower case',
    REGISTER_NETWORK,
    network({ settlementMode: 'direct' }),
    invalid('input.settlementMode'),
    asStranger,
  ),

  request('registerSpace: empty name', REGISTER_SPACE, space({ name: '' }), bad('input.name'), asStranger),
  request(
    'registerSpace: NUL in the city',
    REGISTER_SPACE,
    space({ city: `Al${NUL}bi` }),
    bad('input.city'),
    asStranger,
  ),
  request('registerSpace: overlong city', REGISTER_SPACE, space({ city: long(101) }), bad('input.city'), asStranger),
  request(
    'registerSpace: RTL override in the city',
    REGISTER_SPACE,
    space({ city: RTL_OVERRIDE }),
    bad('input.city'),
    asStranger,
  ),
  request(
    'registerSpace: country of 3 letters',
    REGISTER_SPACE,
    space({ country: 'FRA' }),
    bad('input.country'),
    asStranger,
  ),
  request('registerSpace: empty country', REGISTER_SPACE, space({ country: '' }), bad('input.country'), asStranger),
  request('registerSpace: empty address', REGISTER_SPACE, space({ address: '' }), bad('input.address'), asStranger),
  request(
    'registerSpace: NUL in the address',
    REGISTER_SPACE,
    space({ address: `1 rue ${NUL}` }),
    bad('input.address'),
    asStranger,
  ),
  request(
    'registerSpace: overlong address',
    REGISTER_SPACE,
    space({ address: long(501) }),
    bad('input.address'),
    asStranger,
  ),
  request(
    'registerSpace: latitude above 90',
    REGISTER_SPACE,
    space({ latitude: 90.5 }),
    bad('input.latitude'),
    asStranger,
  ),
  request(
    'registerSpace: longitude below -180',
    REGISTER_SPACE,
    space({ longitude: -181 }),
    bad('input.longitude'),
    asStranger,
  ),
  request(
    'registerSpace: latitude as a string',
    REGISTER_SPACE,
    space({ latitude: '43.9' }),
    invalid('input.latitude'),
    asStranger,
  ),
  request(
    'registerSpace: unknown timezone',
    REGISTER_SPACE,
    space({ timezone: 'Paris' }),
    bad('input.timezone'),
    asStranger,
  ),
  request(
    'registerSpace: slug with a hyphen at the end',
    REGISTER_SPACE,
    space({ slug: 'hangar-' }),
    bad('input.slug'),
    asStranger,
  ),

  request(
    'requestMembership: malformed networkId',
    REQUEST_MEMBERSHIP,
    membership({ networkId: MALFORMED_ID }),
    bad('input.networkId'),
    asHostOperator,
  ),
  request(
    'requestMembership: malformed spaceId',
    REQUEST_MEMBERSHIP,
    membership({ spaceId: SQL_ID }),
    bad('input.spaceId'),
    asHostOperator,
  ),
  request(
    'requestMembership: negative nomadSeats',
    REQUEST_MEMBERSHIP,
    membership({ nomadSeats: -1 }),
    bad('input.nomadSeats'),
    asHostOperator,
  ),
  request(
    'requestMembership: nomadSeats too large',
    REQUEST_MEMBERSHIP,
    membership({ nomadSeats: 100_001 }),
    bad('input.nomadSeats'),
    asHostOperator,
  ),
  request(
    'requestMembership: nomadSeats not whole',
    REQUEST_MEMBERSHIP,
    membership({ nomadSeats: 1.5 }),
    invalid('input.nomadSeats'),
    asHostOperator,
  ),
  request(
    'requestMembership: nomadSeats above Int',
    REQUEST_MEMBERSHIP,
    membership({ nomadSeats: INT_OVERFLOW }),
    invalid('input.nomadSeats'),
    asHostOperator,
  ),
  request(
    'requestMembership: creditsPerDay zero',
    REQUEST_MEMBERSHIP,
    membership({ creditsPerDay: 0 }),
    bad('input.creditsPerDay'),
    asHostOperator,
  ),
  request(
    'requestMembership: creditsPerDay too large',
    REQUEST_MEMBERSHIP,
    membership({ creditsPerDay: 1001 }),
    bad('input.creditsPerDay'),
    asHostOperator,
  ),
  request(
    'requestMembership: creditsPerDay as a string',
    REQUEST_MEMBERSHIP,
    membership({ creditsPerDay: '2' }),
    invalid('input.creditsPerDay'),
    asHostOperator,
  ),

  request('approveMembership: malformed id', APPROVE, { membershipId: MALFORMED_ID }, bad('membershipId'), asAdmin),
  request('approveMembership: NUL in the id', APPROVE, { membershipId: NUL }, bad('membershipId'), asAdmin),
  request('approveMembership: null id', APPROVE, { membershipId: null }, invalid('membershipId'), asAdmin),
  request('approveMembership: id as an object', APPROVE, { membershipId: { id: 1 } }, invalid('membershipId'), asAdmin),
  request('suspendMembership: malformed id', SUSPEND, { membershipId: '12345' }, bad('membershipId'), asAdmin),
  request('suspendMembership: variable missing', SUSPEND, {}, invalid('membershipId'), asAdmin),

  request('grantRole: unknown role', GRANT_ROLE, grant({ role: 'OWNER' }), invalid('input.role'), asAdmin),
  request(
    'grantRole: role in lower case',
    GRANT_ROLE,
    grant({ role: 'network_admin' }),
    invalid('input.role'),
    asAdmin,
  ),
  request('grantRole: malformed email', GRANT_ROLE, grant({ email: 'bob' }), bad('input.email'), asAdmin),
  request(
    'grantRole: NUL in the email',
    GRANT_ROLE,
    grant({ email: 'bob\u0000@example.org' }),
    bad('input.email'),
    asAdmin,
  ),
  request(
    'grantRole: RTL override in the email',
    GRANT_ROLE,
    grant({ email: 'bob\u202E@example.org' }),
    bad('input.email'),
    asAdmin,
  ),
  request(
    'grantRole: malformed networkId',
    GRANT_ROLE,
    grant({ networkId: MALFORMED_ID }),
    bad('input.networkId'),
    asAdmin,
  ),
  request(
    'grantRole: malformed spaceId',
    GRANT_ROLE,
    grant({ role: 'SPACE_OPERATOR', networkId: null, spaceId: MALFORMED_ID }),
    bad('input.spaceId'),
    asOperator,
  ),

  request('registerScanner: empty name', REGISTER_SCANNER, scanner({ name: '' }), bad('input.name'), asOperator),
  request('registerScanner: NUL in the name', REGISTER_SCANNER, scanner({ name: NUL }), bad('input.name'), asOperator),
  request(
    'registerScanner: overlong name',
    REGISTER_SCANNER,
    scanner({ name: long(101) }),
    bad('input.name'),
    asOperator,
  ),
  request(
    'registerScanner: zero-width name',
    REGISTER_SCANNER,
    scanner({ name: ZERO_WIDTH }),
    bad('input.name'),
    asOperator,
  ),
  request(
    'registerScanner: malformed spaceId',
    REGISTER_SCANNER,
    scanner({ spaceId: MALFORMED_ID }),
    bad('input.spaceId'),
    asOperator,
  ),
  request('revokeScanner: malformed id', REVOKE_SCANNER, { scannerId: MALFORMED_ID }, bad('scannerId'), asOperator),
  request('revokeScanner: id as a number', REVOKE_SCANNER, { scannerId: 42 }, bad('scannerId'), asOperator),

  request(
    'createOrganization: empty name',
    CREATE_ORGANIZATION,
    organization({ name: '' }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createOrganization: NUL in the name',
    CREATE_ORGANIZATION,
    organization({ name: NUL }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createOrganization: overlong name',
    CREATE_ORGANIZATION,
    organization({ name: long(201) }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createOrganization: RTL override in the name',
    CREATE_ORGANIZATION,
    organization({ name: RTL_OVERRIDE }),
    bad('input.name'),
    asAdmin,
  ),
  request(
    'createOrganization: malformed networkId',
    CREATE_ORGANIZATION,
    organization({ networkId: MALFORMED_ID }),
    bad('input.networkId'),
    asAdmin,
  ),
];
