import { dataOf, errorOf, postGraphQL } from '@passerelle/testing';
import {
  checkIn,
  createOrganization,
  holderSession,
  joinSpace,
  seedNetwork,
  SeededNetwork,
  sellPass,
  Session,
  signUp,
  suspendMembership,
  approveMembership,
  Pass,
} from './support/passes';
import { monthIn, tryPeriod } from './support/settlement';
import { SIGN_UP } from './support/documents';
import { sharedStack, StackClient } from './support/shared-stack';

/** Straight to a subgraph, as an attacker on the machine would: no gateway in between. */
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on User { id }
    ... on Organization { id name }
    ... on Visit { id }
  }
}`;
const VISIT_ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Visit { id pass { id serial remainingUnits holder { id } } }
  }
}`;
const ACCOUNT_USER_ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id email } }
}`;
const NETWORK_USER_ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id roles { role } } }
}`;
const SETTLEMENT_VISIT_ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Visit { id periodMonth } }
}`;

type Entities<T> = { _entities: Array<T | null> };

describe('access: the permission catalogue, at every door', () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;
  let pass: Pass;
  let visitId: string;
  let holder: Session;
  let stranger: Session;
  let organizationId: string;

  const straight = <T>(
    subgraph: keyof StackClient['subgraphUrls'],
    query: string,
    representations: unknown[],
    token?: string,
  ) =>
    postGraphQL<Entities<T>>(
      new URL('/graphql', stack.subgraphUrls[subgraph]).toString(),
      query,
      { representations },
      token,
    );

  beforeAll(async () => {
    seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    pass = await sellPass(stack, seeded);
    holder = await holderSession(stack, pass.holderEmail);
    const result = await checkIn(stack, seeded.spaces[1].scanner, {
      spaceId: seeded.spaces[1].id,
      credential: pass.serial,
    });
    visitId = result.visit!.id;
    stranger = await signUp(stack);
    organizationId = (await createOrganization(stack, seeded.admin.token, seeded.network.id)).id;
  });

  describe('a period is read by the network admins and the operators of its ACTIVE member spaces', () => {
    const month = () => monthIn(Date.now(), seeded.network.timezone);

    it('refuses a stranger who only asked to join, and one whose space is suspended', async () => {
      const newcomer = await joinSpace(stack, seeded, { pending: true });
      expect(errorOf(await tryPeriod(stack, newcomer.operator.token, seeded.network.id, month())).code).toBe(
        'FORBIDDEN',
      );

      await approveMembership(stack, seeded.admin.token, newcomer.membershipId);
      const read = dataOf(await tryPeriod(stack, newcomer.operator.token, seeded.network.id, month())).period;
      expect(read.visitCount).toBe(1);

      await suspendMembership(stack, newcomer.operator.token, newcomer.membershipId);
      const refused = await tryPeriod(stack, newcomer.operator.token, seeded.network.id, month());
      expect(errorOf(refused).code).toBe('FORBIDDEN');
      expect(refused.data?.period).toBeFalsy();
    });

    it('refuses a signed-up stranger and lets the admin and an active member read it', async () => {
      expect(errorOf(await tryPeriod(stack, stranger.token, seeded.network.id, month())).code).toBe('FORBIDDEN');
      expect(dataOf(await tryPeriod(stack, seeded.admin.token, seeded.network.id, month())).period.visitCount).toBe(1);
      const member = dataOf(await tryPeriod(stack, seeded.spaces[1].operator.token, seeded.network.id, month()));
      expect(member.period.grossCents).toBe(700);
    });
  });

  describe('typed errors: a stable reason beside the code, through the gateway', () => {
    const REVOKE = `mutation Revoke($id: ID!) { revokePass(passId: $id, reason: "lost") { id } }`;
    const REQUEST = `mutation Request($input: RequestMembershipInput!) { requestMembership(input: $input) { id } }`;
    const extensionsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
      response.errors?.[0]?.extensions;

    it('tells "already revoked" from "already requested" and names the rule that refused', async () => {
      const sold = await sellPass(stack, seeded);
      const seller = seeded.spaces[0].operator.token;
      dataOf(await stack.gql(REVOKE, { id: sold.id }, seller));
      expect(extensionsOf(await stack.gql(REVOKE, { id: sold.id }, seller))).toMatchObject({
        code: 'CONFLICT',
        reason: 'PASS_ALREADY_REVOKED',
      });
      const again = { networkId: seeded.network.id, spaceId: seeded.spaces[0].id };
      expect(extensionsOf(await stack.gql(REQUEST, { input: again }, seller))).toMatchObject({
        code: 'CONFLICT',
        reason: 'MEMBERSHIP_ALREADY_REQUESTED',
      });
      expect(extensionsOf(await stack.gql(REVOKE, { id: sold.id }, stranger.token))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_PERMITTED',
        permission: 'MANAGE_PASS',
      });
      const taken = { email: stranger.email, password: 'correct horse battery', displayName: 'Dominique' };
      expect(extensionsOf(await stack.gql(SIGN_UP, { input: taken }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN',
        field: 'email',
      });
      expect(extensionsOf(await stack.gql(REVOKE, { id: visitId }, seller))).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PASS_NOT_FOUND',
      });
    });
  });

  describe('forged representations sent straight to each subgraph', () => {
    it('network: a Visit is loaded by its id alone, and shown only to those who may see it', async () => {
      // The forged passId must not choose the pass: the row decides.
      const forged = [{ __typename: 'Visit', id: visitId, passId: pass.id }];
      for (const token of [undefined, stranger.token, 'psc_not-a-real-device-token']) {
        const answer = await straight<{ pass: unknown }>('network', VISIT_ENTITIES, forged, token);
        expect(answer.data?._entities ?? [null]).toEqual([null]);
      }
      const otherPass = await sellPass(stack, seeded);
      const lying = [{ __typename: 'Visit', id: visitId, passId: otherPass.id }];
      const seen = dataOf(await straight<{ pass: { id: string } }>('network', VISIT_ENTITIES, lying, holder.token));
      expect(seen._entities[0]?.pass.id).toBe(pass.id);
      const host = await straight<{ id: string }>('network', ENTITIES, forged, seeded.spaces[1].operator.token);
      expect(dataOf(host)._entities).toEqual([{ __typename: 'Visit', id: visitId }]);
      const desk = await straight<{ id: string }>('network', ENTITIES, forged, seeded.spaces[1].scanner);
      expect(dataOf(desk)._entities).toEqual([{ __typename: 'Visit', id: visitId }]);
      const otherDesk = await straight<{ id: string }>('network', ENTITIES, forged, seeded.spaces[0].operator.token);
      // The space that sold the pass is its issuer: it sees the visit it pays for.
      expect(dataOf(otherDesk)._entities).toEqual([{ __typename: 'Visit', id: visitId }]);
    });

    it('network: an Organization is its network admins’ only, like Network.organizations', async () => {
      const forged = [{ __typename: 'Organization', id: organizationId }];
      for (const token of [undefined, stranger.token, seeded.spaces[0].operator.token, holder.token]) {
        expect(dataOf(await straight('network', ENTITIES, forged, token))._entities).toEqual([null]);
      }
      const admin = dataOf(await straight<{ name: string }>('network', ENTITIES, forged, seeded.admin.token));
      expect(admin._entities[0]).toMatchObject({ __typename: 'Organization', id: organizationId });
    });

    it('network: a Network or a Space is public, and read from its row, not from the representation', async () => {
      const query = `query Entities($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Network { id name } ... on Space { id name } }
      }`;
      const forged = [
        { __typename: 'Network', id: seeded.network.id, name: 'Forged' },
        { __typename: 'Space', id: seeded.spaces[0].id, name: 'Forged' },
      ];
      const answer = dataOf(await straight<{ id: string; name: string }>('network', query, forged));
      expect(answer._entities).toEqual([
        { id: seeded.network.id, name: seeded.network.name },
        { id: seeded.spaces[0].id, name: seeded.spaces[0].name },
      ]);
    });

    it('network: a User shows its roles to itself only', async () => {
      const forged = [{ __typename: 'User', id: seeded.admin.userId }];
      const answer = dataOf(
        await straight<{ roles: unknown }>('network', NETWORK_USER_ENTITIES, forged, stranger.token),
      );
      expect(answer._entities).toEqual([{ id: seeded.admin.userId, roles: null }]);
    });

    it('accounts: a User never shows its email to a stranger', async () => {
      const forged = [{ __typename: 'User', id: holder.userId, email: 'forged@example.org' }];
      for (const token of [undefined, stranger.token, seeded.spaces[1].operator.token]) {
        const answer = dataOf(
          await straight<{ email: string | null }>('accounts', ACCOUNT_USER_ENTITIES, forged, token),
        );
        expect(answer._entities).toEqual([{ id: holder.userId, email: null }]);
      }
      const own = dataOf(
        await straight<{ email: string | null }>('accounts', ACCOUNT_USER_ENTITIES, forged, holder.token),
      );
      expect(own._entities).toEqual([{ id: holder.userId, email: pass.holderEmail }]);
    });

    it('settlement: a Visit’s period is shown only to those who may see the visit', async () => {
      const forged = [{ __typename: 'Visit', id: visitId }];
      for (const token of [undefined, stranger.token]) {
        const answer = await straight('settlement', SETTLEMENT_VISIT_ENTITIES, forged, token);
        expect(answer.data?._entities ?? [null]).toEqual([null]);
      }
      const month = monthIn(Date.now(), seeded.network.timezone);
      for (const token of [holder.token, seeded.admin.token, seeded.spaces[1].scanner]) {
        const answer = dataOf(await straight('settlement', SETTLEMENT_VISIT_ENTITIES, forged, token));
        expect(answer._entities).toEqual([{ id: visitId, periodMonth: month }]);
      }
    });
  });
});
