import { dataOf, errorOf, GraphQLResponse } from '@passerelle/testing';
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

const GRANT_ROLE = `mutation GrantRole($input: GrantRoleInput!) {
  grantRole(input: $input) { role network { id } space { id } }
}`;
const SPACE_MEMBERSHIPS = `query SpaceMemberships($id: ID!) { space(id: $id) { memberships { status } } }`;

type Session = { token: string; userId: string };
type Ref = { id: string; slug: string };
type Grant = { role: string; network: { id: string } | null; space: { id: string } | null };
type Input = Record<string, unknown>;

const stack = sharedStack();

async function rolesOf(token: string): Promise<Grant[]> {
  const { me } = dataOf(
    await stack.gql<{ me: { roles: Array<Grant & { network: Ref | null }> } }>(ME_ROLES, {}, token),
  );
  return me.roles.map((grant) => ({
    role: grant.role,
    network: grant.network && { id: grant.network.id },
    space: grant.space,
  }));
}

async function registerNetwork(token: string): Promise<Ref> {
  const input = { slug: unique('net'), name: 'Réseau Occitanie' };
  return dataOf(await stack.gql<{ registerNetwork: Ref }>(REGISTER_NETWORK, { input }, token)).registerNetwork;
}

async function registerSpace(token: string): Promise<Ref> {
  const input = { slug: unique('space'), name: 'La Cantine', city: 'Toulouse', country: 'FR' };
  return dataOf(await stack.gql<{ registerSpace: Ref }>(REGISTER_SPACE, { input }, token)).registerSpace;
}

const tryRequest = (token: string, networkId: string, spaceId: string) =>
  stack.gql<{ requestMembership: { id: string; status: string } }>(
    REQUEST_MEMBERSHIP,
    { input: { networkId, spaceId } },
    token,
  );
const tryApprove = (token: string, id: string) =>
  stack.gql<{ approveMembership: { status: string } }>(APPROVE_MEMBERSHIP, { id }, token);
const trySuspend = (token: string, id: string) =>
  stack.gql<{ suspendMembership: { status: string } }>(SUSPEND_MEMBERSHIP, { id }, token);
const tryGrant = (token: string, input: Input) => stack.gql<{ grantRole: Grant }>(GRANT_ROLE, { input }, token);
const tryRegisterScanner = (token: string, spaceId: string) =>
  stack.gql<{ registerScanner: { token: string; scanner: { id: string } } }>(
    REGISTER_SCANNER,
    { input: { spaceId, name: 'Front desk' } },
    token,
  );
const currentScanner = (token: string) => stack.gql<{ currentScanner: { id: string } }>(CURRENT_SCANNER, {}, token);

/** A user who administers a fresh network. */
async function networkAdmin(): Promise<Session & { network: Ref }> {
  const admin = await signUp(stack);
  return { ...admin, network: await registerNetwork(admin.token) };
}

/** A user who operates a fresh space. */
async function spaceOperator(): Promise<Session & { space: Ref }> {
  const operator = await signUp(stack);
  return { ...operator, space: await registerSpace(operator.token) };
}

/** The operator's space asks to join the admin's network; the admin approves unless told not to. */
async function joinNetwork(
  admin: { token: string; network: Ref },
  operator: { token: string; space: Ref },
  approve = true,
): Promise<string> {
  const { id } = dataOf(await tryRequest(operator.token, admin.network.id, operator.space.id)).requestMembership;
  if (approve) expect(dataOf(await tryApprove(admin.token, id)).approveMembership.status).toBe('ACTIVE');
  return id;
}

const codeOf = (response: GraphQLResponse<unknown>) => errorOf(response).code;

describe('registry: who may do what', () => {
  it('refuses every registry mutation without a token', async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const membershipId = await joinNetwork(admin, operator, false);
    const { token: scannerToken, scanner } = dataOf(
      await tryRegisterScanner(operator.token, operator.space.id),
    ).registerScanner;
    const other = await spaceOperator();
    const networkId = admin.network.id;

    const calls: Record<string, [string, Input]> = {
      registerNetwork: [REGISTER_NETWORK, { input: { slug: unique('anon'), name: 'Anonymous' } }],
      registerSpace: [REGISTER_SPACE, { input: { slug: unique('anon'), name: 'A', city: 'Albi', country: 'FR' } }],
      requestMembership: [REQUEST_MEMBERSHIP, { input: { networkId, spaceId: other.space.id } }],
      approveMembership: [APPROVE_MEMBERSHIP, { id: membershipId }],
      suspendMembership: [SUSPEND_MEMBERSHIP, { id: membershipId }],
      grantRole: [GRANT_ROLE, { input: { email: 'anon@example.org', role: 'NETWORK_ADMIN', networkId } }],
      registerScanner: [REGISTER_SCANNER, { input: { spaceId: operator.space.id, name: 'Sneaky' } }],
      revokeScanner: [REVOKE_SCANNER, { id: scanner.id }],
      createOrganization: [CREATE_ORGANIZATION, { input: { networkId, name: 'Acme' } }],
    };
    const codes: Record<string, string | undefined> = {};
    for (const [name, [query, variables]] of Object.entries(calls)) {
      codes[name] = codeOf(await stack.gql(query, variables));
    }
    expect(codes).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, 'UNAUTHENTICATED'])));
    // Nothing happened: the membership is still pending and the scanner still works.
    const { space } = dataOf(
      await stack.gql<{ space: { memberships: unknown[] } }>(SPACE_MEMBERSHIPS, { id: operator.space.id }),
    );
    expect(space.memberships).toEqual([{ status: 'PENDING' }]);
    expect(dataOf(await currentScanner(scannerToken)).currentScanner.id).toBe(scanner.id);
  });

  it("refuses a scanner's device token where a person must act", async () => {
    const operator = await spaceOperator();
    const { token } = dataOf(await tryRegisterScanner(operator.token, operator.space.id)).registerScanner;
    expect(dataOf(await currentScanner(token)).currentScanner.id).toBeTruthy();

    const input = { slug: unique('scanned'), name: 'By a scanner' };
    expect(codeOf(await stack.gql(REGISTER_NETWORK, { input }, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.gql(REGISTER_SPACE, { input: { ...input, city: 'Albi', country: 'FR' } }, token))).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf(await tryRegisterScanner(token, operator.space.id))).toBe('UNAUTHENTICATED');
  });

  it("lets only the space's operators ask to join a network", async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const stranger = await signUp(stack);
    expect(codeOf(await tryRequest(admin.token, admin.network.id, operator.space.id))).toBe('FORBIDDEN');
    expect(codeOf(await tryRequest(stranger.token, admin.network.id, operator.space.id))).toBe('FORBIDDEN');
    const ok = dataOf(await tryRequest(operator.token, admin.network.id, operator.space.id)).requestMembership;
    expect(ok.status).toBe('PENDING');
  });

  it("lets only the network's admins approve a membership", async () => {
    const admin = await networkAdmin();
    const otherAdmin = await networkAdmin();
    const operator = await spaceOperator();
    const membershipId = await joinNetwork(admin, operator, false);
    expect(codeOf(await tryApprove(operator.token, membershipId))).toBe('FORBIDDEN');
    expect(codeOf(await tryApprove(otherAdmin.token, membershipId))).toBe('FORBIDDEN');
    expect(dataOf(await tryApprove(admin.token, membershipId)).approveMembership.status).toBe('ACTIVE');
  });

  it("lets the network's admins and the space's operators suspend a membership, nobody else", async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const stranger = await signUp(stack);
    const membershipId = await joinNetwork(admin, operator);
    expect(codeOf(await trySuspend(stranger.token, membershipId))).toBe('FORBIDDEN');
    expect(dataOf(await trySuspend(admin.token, membershipId)).suspendMembership.status).toBe('SUSPENDED');
    expect(dataOf(await tryApprove(admin.token, membershipId)).approveMembership.status).toBe('ACTIVE');
    expect(dataOf(await trySuspend(operator.token, membershipId)).suspendMembership.status).toBe('SUSPENDED');
  });

  it("lets only the network's admins make other admins, who can then act", async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    await joinNetwork(admin, operator);
    const colleague = await signUp(stack);
    const colleagueEmail = `${unique('colleague')}@example.org`;
    const grantee = await signUp(stack, colleagueEmail);
    const input = { email: colleagueEmail, role: 'NETWORK_ADMIN', networkId: admin.network.id };

    expect(codeOf(await tryGrant(operator.token, input))).toBe('FORBIDDEN');
    expect(codeOf(await tryGrant(colleague.token, input))).toBe('FORBIDDEN');
    expect(await rolesOf(grantee.token)).toEqual([]);

    const grant = dataOf(await tryGrant(admin.token, input)).grantRole;
    expect(grant).toEqual({ role: 'NETWORK_ADMIN', network: { id: admin.network.id }, space: null });
    expect(await rolesOf(grantee.token)).toEqual([grant]);
    const next = await spaceOperator();
    const pendingId = await joinNetwork(admin, next, false);
    expect(dataOf(await tryApprove(grantee.token, pendingId)).approveMembership.status).toBe('ACTIVE');
  });

  it("lets only the space's operators make other operators, not the network's admins", async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    await joinNetwork(admin, operator);
    const email = `${unique('desk')}@example.org`;
    const grantee = await signUp(stack, email);
    const input = { email, role: 'SPACE_OPERATOR', spaceId: operator.space.id };

    expect(codeOf(await tryGrant(admin.token, input))).toBe('FORBIDDEN');
    expect(codeOf(await tryRegisterScanner(grantee.token, operator.space.id))).toBe('FORBIDDEN');
    const grant = dataOf(await tryGrant(operator.token, input)).grantRole;
    expect(grant).toEqual({ role: 'SPACE_OPERATOR', network: null, space: { id: operator.space.id } });
    expect(await rolesOf(grantee.token)).toEqual([grant]);
    expect(dataOf(await tryRegisterScanner(grantee.token, operator.space.id)).registerScanner.token).toMatch(/^psc_/);
  });

  it('names the missing scope or the bad email of a grant', async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const email = `${unique('someone')}@example.org`;
    const cases: Array<[string, Input, string]> = [
      [admin.token, { email, role: 'NETWORK_ADMIN' }, 'networkId'],
      [operator.token, { email, role: 'SPACE_OPERATOR' }, 'spaceId'],
      [admin.token, { email: 'not-an-email', role: 'NETWORK_ADMIN', networkId: admin.network.id }, 'email'],
      [operator.token, { email: 'not-an-email', role: 'SPACE_OPERATOR', spaceId: operator.space.id }, 'email'],
    ];
    for (const [token, input, field] of cases) {
      const { code, field: named } = errorOf(await tryGrant(token, input));
      expect([input, code, named]).toEqual([input, 'BAD_USER_INPUT', field]);
    }
  });

  it('invites an email without an account; once signed up, the grantee holds the role and can use it', async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const adminName = unique('new-admin');
    const deskName = unique('new-desk');
    const adminGrant = dataOf(
      await tryGrant(admin.token, {
        email: `${adminName}@Example.ORG`,
        role: 'NETWORK_ADMIN',
        networkId: admin.network.id,
      }),
    ).grantRole;
    const deskGrant = dataOf(
      await tryGrant(operator.token, {
        email: `${deskName}@example.org`,
        role: 'SPACE_OPERATOR',
        spaceId: operator.space.id,
      }),
    ).grantRole;

    const newAdmin = await signUp(stack, `${adminName.toUpperCase()}@example.org`);
    const newDesk = await signUp(stack, `${deskName}@EXAMPLE.org`);
    expect(await rolesOf(newAdmin.token)).toEqual([adminGrant]);
    expect(await rolesOf(newDesk.token)).toEqual([deskGrant]);

    const membershipId = await joinNetwork(admin, operator, false);
    expect(dataOf(await tryApprove(newAdmin.token, membershipId)).approveMembership.status).toBe('ACTIVE');
    expect(dataOf(await tryRegisterScanner(newDesk.token, operator.space.id)).registerScanner.token).toMatch(/^psc_/);
  });

  it('returns the existing grant when the same role is granted twice', async () => {
    const admin = await networkAdmin();
    const email = `${unique('twice')}@example.org`;
    const grantee = await signUp(stack, email);
    const input = { email, role: 'NETWORK_ADMIN', networkId: admin.network.id };
    const first = dataOf(await tryGrant(admin.token, input)).grantRole;
    const second = dataOf(await tryGrant(admin.token, input)).grantRole;
    expect(second).toEqual(first);
    expect(await rolesOf(grantee.token)).toEqual([first]);
  });

  it("lets only the space's operators register and revoke its scanners", async () => {
    const admin = await networkAdmin();
    const operator = await spaceOperator();
    const otherOperator = await spaceOperator();
    await joinNetwork(admin, operator);

    expect(codeOf(await tryRegisterScanner(admin.token, operator.space.id))).toBe('FORBIDDEN');
    expect(codeOf(await tryRegisterScanner(otherOperator.token, operator.space.id))).toBe('FORBIDDEN');

    const { token, scanner } = dataOf(await tryRegisterScanner(operator.token, operator.space.id)).registerScanner;
    expect(codeOf(await stack.gql(REVOKE_SCANNER, { id: scanner.id }, otherOperator.token))).toBe('FORBIDDEN');
    expect(codeOf(await stack.gql(REVOKE_SCANNER, { id: scanner.id }, admin.token))).toBe('FORBIDDEN');
    expect(dataOf(await currentScanner(token)).currentScanner.id).toBe(scanner.id);

    const revoked = await stack.gql<{ revokeScanner: { revokedAt: string | null } }>(
      REVOKE_SCANNER,
      { id: scanner.id },
      operator.token,
    );
    expect(dataOf(revoked).revokeScanner.revokedAt).not.toBeNull();
  });

  it("lets only the network's admins create organizations", async () => {
    const admin = await networkAdmin();
    const otherAdmin = await networkAdmin();
    const operator = await spaceOperator();
    await joinNetwork(admin, operator);
    const create = (token: string) =>
      stack.gql<{ createOrganization: { name: string } }>(
        CREATE_ORGANIZATION,
        { input: { networkId: admin.network.id, name: 'Acme' } },
        token,
      );
    expect(codeOf(await create(operator.token))).toBe('FORBIDDEN');
    expect(codeOf(await create(otherAdmin.token))).toBe('FORBIDDEN');
    expect(dataOf(await create(admin.token)).createOrganization.name).toBe('Acme');
  });
});
