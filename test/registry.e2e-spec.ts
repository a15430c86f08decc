import { dataOf, errorOf, GraphQLResponse } from '@passerelle/testing';
import { randomUUID } from 'node:crypto';
import { sharedStack } from './support/shared-stack';
import { signUp, unique } from './support/passes';
import {
  APPROVE_MEMBERSHIP,
  CREATE_ORGANIZATION,
  CURRENT_SCANNER,
  ME_ROLES,
  REGISTER_NETWORK,
  REGISTER_SCANNER,
  REGISTER_SPACE,
  REQUEST_MEMBERSHIP,
  REVOKE_SCANNER,
  SUSPEND_MEMBERSHIP,
} from './support/documents';

const NETWORKS = `query Networks { networks { id slug } }`;
const NETWORK = `query Network($id: ID, $slug: String) { network(id: $id, slug: $slug) { id slug name } }`;
const NETWORK_MEMBERS = `query NetworkMembers($id: ID!) {
  network(id: $id) {
    spaces { id }
    memberships { space { id } status }
    pending: memberships(status: PENDING) { space { id } status }
  }
}`;
const SPACE = `query Space($id: ID, $slug: String) {
  space(id: $id, slug: $slug) { id slug country memberships { status network { slug } } }
}`;
const ORGANIZATIONS = `query Organizations($id: ID!) { network(id: $id) { organizations { name } } }`;

type Session = { token: string; userId: string };
type Network = { id: string; slug: string; name: string; currency: string; timezone: string; settlementMode: string };
type Space = { id: string; slug: string; country: string; latitude: number | null; timezone: string };
type Membership = { id: string; status: string; nomadSeats: number | null; joinedAt: string | null };
type Grant = { role: string; network: { id: string; slug: string } | null; space: { id: string } | null };
type Input = Record<string, unknown>;

const stack = sharedStack();

async function rolesOf(token: string): Promise<Grant[]> {
  return dataOf(await stack.gql<{ me: { roles: Grant[] } }>(ME_ROLES, {}, token)).me.roles;
}

const networkInput = (overrides: Input = {}) => ({ slug: unique('net'), name: 'Réseau Occitanie', ...overrides });
const spaceInput = (overrides: Input = {}) => ({
  slug: unique('space'),
  name: 'La Cantine',
  city: 'Toulouse',
  country: 'FR',
  address: "27 rue d'Aubuisson",
  latitude: 43.6,
  longitude: 1.45,
  ...overrides,
});

const tryRegisterNetwork = (token: string, overrides: Input = {}) =>
  stack.gql<{ registerNetwork: Network }>(REGISTER_NETWORK, { input: networkInput(overrides) }, token);
const tryRegisterSpace = (token: string, overrides: Input = {}) =>
  stack.gql<{ registerSpace: Space }>(REGISTER_SPACE, { input: spaceInput(overrides) }, token);
const registerNetwork = async (token: string, overrides: Input = {}) =>
  dataOf(await tryRegisterNetwork(token, overrides)).registerNetwork;
const registerSpace = async (token: string, overrides: Input = {}) =>
  dataOf(await tryRegisterSpace(token, overrides)).registerSpace;

const tryRequest = (token: string, input: Input) =>
  stack.gql<{ requestMembership: Membership }>(REQUEST_MEMBERSHIP, { input }, token);
const requestMembership = async (token: string, input: Input) =>
  dataOf(await tryRequest(token, input)).requestMembership;
const approve = async (token: string, id: string) =>
  dataOf(await stack.gql<{ approveMembership: Membership }>(APPROVE_MEMBERSHIP, { id }, token)).approveMembership;
const suspend = async (token: string, id: string) =>
  dataOf(await stack.gql<{ suspendMembership: Membership }>(SUSPEND_MEMBERSHIP, { id }, token)).suspendMembership;

/** A space (with its own operator) that has asked to join the network, and the request's id. */
async function memberSpace(networkId: string): Promise<{ operator: Session; space: Space; membershipId: string }> {
  const operator = await signUp(stack);
  const space = await registerSpace(operator.token);
  const { id } = await requestMembership(operator.token, { networkId, spaceId: space.id });
  return { operator, space, membershipId: id };
}

type Registration = { token: string; scanner: { id: string; name: string; revokedAt: string | null } };
async function registerScanner(token: string, spaceId: string, name: string): Promise<Registration> {
  const input = { spaceId, name };
  return dataOf(await stack.gql<{ registerScanner: Registration }>(REGISTER_SCANNER, { input }, token)).registerScanner;
}

const refusal = (response: GraphQLResponse<unknown>) => {
  const { code, field } = errorOf(response);
  return { code, field };
};
const badInput = (field: string) => ({ code: 'BAD_USER_INPUT', field });

describe('registry: networks, spaces, memberships, scanners, organizations', () => {
  it('registers a network with the defaults and makes the caller its admin', async () => {
    const admin = await signUp(stack);
    const network = await registerNetwork(admin.token, { name: 'Cantines du Sud' });
    expect(network).toMatchObject({ currency: 'EUR', timezone: 'Europe/Paris', settlementMode: 'DIRECT' });
    expect(await rolesOf(admin.token)).toEqual([
      { role: 'NETWORK_ADMIN', network: { id: network.id, slug: network.slug }, space: null },
    ]);
    const swiss = await registerNetwork(admin.token, {
      currency: 'CHF',
      timezone: 'Europe/Zurich',
      settlementMode: 'CENTRAL',
    });
    expect(swiss).toMatchObject({ currency: 'CHF', timezone: 'Europe/Zurich', settlementMode: 'CENTRAL' });
  });

  it('registers a space, upper-casing its country, and makes the caller its operator', async () => {
    const operator = await signUp(stack);
    const space = await registerSpace(operator.token, { country: 'fr' });
    expect(space).toMatchObject({ country: 'FR', latitude: 43.6, timezone: 'Europe/Paris' });
    expect(await rolesOf(operator.token)).toEqual([{ role: 'SPACE_OPERATOR', network: null, space: { id: space.id } }]);
  });

  it('finds networks and spaces publicly, by id or by slug', async () => {
    const { token } = await signUp(stack);
    const network = await registerNetwork(token);
    const space = await registerSpace(token);

    const { networks } = dataOf(await stack.gql<{ networks: Array<{ slug: string }> }>(NETWORKS));
    expect(networks.map((n) => n.slug)).toContain(network.slug);
    const bySlug = dataOf(await stack.gql<{ network: Network }>(NETWORK, { slug: network.slug })).network;
    const byId = dataOf(await stack.gql<{ network: Network }>(NETWORK, { id: network.id })).network;
    expect(bySlug).toEqual({ id: network.id, slug: network.slug, name: network.name });
    expect(byId).toEqual(bySlug);
    expect(dataOf(await stack.gql(NETWORK, { slug: 'no-such-network' })).network).toBeNull();
    expect(refusal(await stack.gql(NETWORK, {}))).toEqual(badInput('id'));

    const spaceBySlug = dataOf(await stack.gql<{ space: Space }>(SPACE, { slug: space.slug })).space;
    expect(spaceBySlug).toMatchObject({ id: space.id, slug: space.slug });
    expect(dataOf(await stack.gql<{ space: Space }>(SPACE, { id: space.id })).space).toEqual(spaceBySlug);
    expect(dataOf(await stack.gql(SPACE, { slug: 'no-such-space' })).space).toBeNull();
    expect(refusal(await stack.gql(SPACE, {}))).toEqual(badInput('id'));
  });

  it('refuses malformed slugs for networks and spaces, and accepts 3 to 63 characters', async () => {
    const { token } = await signUp(stack);
    const bad = ['ab', 'Toulouse', 'a_b_c', '-abc', 'x'.repeat(64)];
    for (const slug of bad) {
      expect([slug, refusal(await tryRegisterNetwork(token, { slug }))]).toEqual([slug, badInput('slug')]);
      expect([slug, refusal(await tryRegisterSpace(token, { slug }))]).toEqual([slug, badInput('slug')]);
    }
    const longest = unique('long').padEnd(63, 'x');
    expect((await registerNetwork(token, { slug: longest })).slug).toBe(longest);
    expect((await registerSpace(token, { slug: 'a1b' })).slug).toBe('a1b');
  });

  it('refuses a taken slug per kind, though a network and a space may share one', async () => {
    const { token } = await signUp(stack);
    const slug = unique('shared');
    await registerNetwork(token, { slug });
    await registerSpace(token, { slug });
    const other = await signUp(stack);
    expect(refusal(await tryRegisterNetwork(other.token, { slug }))).toEqual({ code: 'CONFLICT', field: 'slug' });
    expect(refusal(await tryRegisterSpace(other.token, { slug }))).toEqual({ code: 'CONFLICT', field: 'slug' });
  });

  it('writes nothing when a registration fails', async () => {
    const { token } = await signUp(stack);
    const network = await registerNetwork(token);
    expect(errorOf(await tryRegisterNetwork(token, { slug: network.slug })).code).toBe('CONFLICT');
    expect(await rolesOf(token)).toHaveLength(1);

    const slug = unique('never');
    expect(refusal(await tryRegisterSpace(token, { slug, country: 'France' }))).toEqual(badInput('country'));
    expect(dataOf(await stack.gql(SPACE, { slug })).space).toBeNull();
    expect(await rolesOf(token)).toHaveLength(1);
  });

  it('names the bad field of a network', async () => {
    const { token } = await signUp(stack);
    const cases: Array<[Input, string]> = [
      [{ name: '  ' }, 'name'],
      [{ currency: 'EURO' }, 'currency'],
      [{ currency: 'ABC' }, 'currency'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ timezone: 'CEST+2' }, 'timezone'],
    ];
    for (const [overrides, field] of cases) {
      expect([overrides, refusal(await tryRegisterNetwork(token, overrides))]).toEqual([overrides, badInput(field)]);
    }
  });

  it('names the bad field of a space', async () => {
    const { token } = await signUp(stack);
    const cases: Array<[Input, string]> = [
      [{ name: '  ' }, 'name'],
      [{ city: '  ' }, 'city'],
      [{ country: 'France' }, 'country'],
      [{ country: 'ZZ' }, 'country'],
      [{ latitude: 91 }, 'latitude'],
      [{ longitude: -181 }, 'longitude'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ timezone: 'CEST+2' }, 'timezone'],
    ];
    for (const [overrides, field] of cases) {
      expect([overrides, refusal(await tryRegisterSpace(token, overrides))]).toEqual([overrides, badInput(field)]);
    }
  });

  it('keeps a membership PENDING until the network admin approves it', async () => {
    const admin = await signUp(stack);
    const network = await registerNetwork(admin.token);
    const operator = await signUp(stack);
    const space = await registerSpace(operator.token);

    const pending = await requestMembership(operator.token, {
      networkId: network.id,
      spaceId: space.id,
      nomadSeats: 12,
    });
    expect(pending).toMatchObject({ status: 'PENDING', nomadSeats: 12, creditsPerDay: 1, joinedAt: null });
    expect(pending).toMatchObject({ network: { id: network.id }, space: { id: space.id } });

    const active = await approve(admin.token, pending.id);
    expect(active).toMatchObject({ id: pending.id, status: 'ACTIVE', nomadSeats: 12 });
    expect(Math.abs(new Date(active.joinedAt!).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('takes null seats as unlimited and refuses negative seats or zero credits', async () => {
    const { token } = await signUp(stack);
    const network = await registerNetwork(token);
    const space = await registerSpace(token);
    const base = { networkId: network.id, spaceId: space.id };
    expect(refusal(await tryRequest(token, { ...base, nomadSeats: -1 }))).toEqual(badInput('nomadSeats'));
    expect(refusal(await tryRequest(token, { ...base, creditsPerDay: 0 }))).toEqual(badInput('creditsPerDay'));
    const unlimited = await requestMembership(token, { ...base, nomadSeats: null, creditsPerDay: 3 });
    expect(unlimited).toMatchObject({ status: 'PENDING', nomadSeats: null, creditsPerDay: 3 });
  });

  it('refuses unknown ids and a second request for the same network and space', async () => {
    const { token } = await signUp(stack);
    const network = await registerNetwork(token);
    const space = await registerSpace(token);
    expect(errorOf(await tryRequest(token, { networkId: randomUUID(), spaceId: space.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await stack.gql(APPROVE_MEMBERSHIP, { id: randomUUID() }, token)).code).toBe('NOT_FOUND');
    expect(errorOf(await stack.gql(SUSPEND_MEMBERSHIP, { id: randomUUID() }, token)).code).toBe('NOT_FOUND');

    await requestMembership(token, { networkId: network.id, spaceId: space.id });
    expect(errorOf(await tryRequest(token, { networkId: network.id, spaceId: space.id })).code).toBe('CONFLICT');
  });

  it('suspends a membership at the admin or the operator, and approval makes it ACTIVE again', async () => {
    const admin = await signUp(stack);
    const network = await registerNetwork(admin.token);
    const { operator, membershipId } = await memberSpace(network.id);
    const joined = await approve(admin.token, membershipId);

    expect((await suspend(admin.token, membershipId)).status).toBe('SUSPENDED');
    const again = await approve(admin.token, membershipId);
    expect(again).toMatchObject({ status: 'ACTIVE', joinedAt: joined.joinedAt });
    expect((await suspend(operator.token, membershipId)).status).toBe('SUSPENDED');
  });

  it("lists a network's ACTIVE spaces only, and filters its memberships by status", async () => {
    const admin = await signUp(stack);
    const network = await registerNetwork(admin.token);
    const active = await memberSpace(network.id);
    const pending = await memberSpace(network.id);
    const suspended = await memberSpace(network.id);
    await approve(admin.token, active.membershipId);
    await approve(admin.token, suspended.membershipId);
    await suspend(admin.token, suspended.membershipId);

    type Members = { spaces: Array<{ id: string }>; memberships: unknown[]; pending: unknown[] };
    const members = dataOf(await stack.gql<{ network: Members }>(NETWORK_MEMBERS, { id: network.id })).network;
    expect(members.spaces).toEqual([{ id: active.space.id }]);
    expect(members.pending).toEqual([{ space: { id: pending.space.id }, status: 'PENDING' }]);
    expect(members.memberships).toHaveLength(3);
    expect(members.memberships).toEqual(
      expect.arrayContaining([
        { space: { id: active.space.id }, status: 'ACTIVE' },
        { space: { id: pending.space.id }, status: 'PENDING' },
        { space: { id: suspended.space.id }, status: 'SUSPENDED' },
      ]),
    );

    const { space } = dataOf(
      await stack.gql<{ space: Space & { memberships: unknown[] } }>(SPACE, { id: active.space.id }),
    );
    expect(space.memberships).toEqual([{ status: 'ACTIVE', network: { slug: network.slug } }]);
  });

  it('registers scanners that know themselves, and a revoked one is refused at once', async () => {
    const operator = await signUp(stack);
    const space = await registerSpace(operator.token);
    const register = (name: string) => registerScanner(operator.token, space.id, name);
    const current = (token?: string) => stack.gql<{ currentScanner: unknown }>(CURRENT_SCANNER, {}, token);

    const desk = await register('Front desk');
    expect(desk.token.startsWith('psc_')).toBe(true);
    expect(desk.scanner).toMatchObject({ name: 'Front desk', revokedAt: null, space: { id: space.id } });
    const lobby = await register('Lobby');
    const expected = { id: desk.scanner.id, name: 'Front desk', space: { id: space.id, slug: space.slug } };
    expect(dataOf(await current(desk.token)).currentScanner).toEqual(expected);
    expect(errorOf(await current(operator.token)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await current()).code).toBe('UNAUTHENTICATED');

    const revoked = await stack.gql<{ revokeScanner: { revokedAt: string | null } }>(
      REVOKE_SCANNER,
      { id: desk.scanner.id },
      operator.token,
    );
    expect(dataOf(revoked).revokeScanner.revokedAt).not.toBeNull();
    expect(errorOf(await current(desk.token)).code).toBe('UNAUTHENTICATED');
    expect(dataOf(await current(lobby.token)).currentScanner).toMatchObject({ id: lobby.scanner.id, name: 'Lobby' });

    const blank = await stack.gql(REGISTER_SCANNER, { input: { spaceId: space.id, name: '  ' } }, operator.token);
    expect(refusal(blank)).toEqual(badInput('name'));
  });

  it('creates organizations, unique by name within a network, visible to its admins', async () => {
    const admin = await signUp(stack);
    const network = await registerNetwork(admin.token);
    const create = (networkId: string, name: string) =>
      stack.gql<{ createOrganization: { id: string; name: string; network: { id: string } } }>(
        CREATE_ORGANIZATION,
        { input: { networkId, name } },
        admin.token,
      );

    const acme = dataOf(await create(network.id, 'Acme')).createOrganization;
    expect(acme).toMatchObject({ name: 'Acme', network: { id: network.id } });
    expect(refusal(await create(network.id, 'Acme'))).toEqual({ code: 'CONFLICT', field: 'name' });
    expect(refusal(await create(network.id, '  '))).toEqual(badInput('name'));
    const elsewhere = await registerNetwork(admin.token);
    expect(dataOf(await create(elsewhere.id, 'Acme')).createOrganization.network.id).toBe(elsewhere.id);

    const listed = dataOf(
      await stack.gql<{ network: { organizations: unknown[] } }>(ORGANIZATIONS, { id: network.id }, admin.token),
    );
    expect(listed.network.organizations).toEqual([{ name: 'Acme' }]);
  });
});
