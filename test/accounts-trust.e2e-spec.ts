import { dataOf, GraphQLResponse, postGraphQL } from '@passerelle/testing';
import { Client } from 'pg';
import { LOG_IN, SIGN_UP } from './support/documents';
import {
  mailbox,
  REQUEST_EMAIL_VERIFICATION,
  REQUEST_PASSWORD_RESET,
  RESET_PASSWORD,
  tokenFromMail,
  VERIFY_EMAIL,
} from './support/mail';
import { holderQr, newKey, PASSWORD, seedNetwork, SeededNetwork, sellPass, signUp, unique } from './support/passes';
import { PERIOD } from './support/settlement';
import { sharedStack } from './support/shared-stack';

const GRANT_ROLE = `mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { role space { id } } }`;
const ME = `query Me { me { id email emailVerified locale roles { role space { id } } } myPasses { id serial } }`;
const REGISTER_SCANNER = `mutation RegisterScanner($input: RegisterScannerInput!) { registerScanner(input: $input) { token } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }`;
const LOG_OUT = `mutation LogOut($token: String!) { logOut(refreshToken: $token) }`;
const UPDATE_ME = `mutation UpdateMe($input: UpdateMeInput!) { updateMe(input: $input) { displayName locale } }`;

type Auth = { accessToken: string; refreshToken: string; user: { id: string } };
type Me = {
  me: { id: string; emailVerified: boolean; locale: string; roles: Array<{ space: { id: string } | null }> } | null;
  myPasses: Array<{ id: string }>;
};

const ATTACKER_PASSWORD = 'attacker password 1';
const OWNER_PASSWORD = 'the owner password';

const failure = (response: GraphQLResponse<unknown>) => {
  const error = response.errors?.[0];
  if (!error) throw new Error(`Expected an error, got ${JSON.stringify(response.data)}`);
  type Extensions = { code: string; reason?: string; field?: string; retryAfterSeconds?: number };
  return { message: error.message, ...(error.extensions as Extensions) };
};

describe('accounts you can trust', () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;
  let db: Client;

  beforeAll(async () => {
    seeded = await seedNetwork(stack);
    db = new Client(stack.databaseUrl);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
  });

  const space = () => seeded.spaces[0];
  const signUpAs = async (email: string, password: string, extra: Record<string, unknown> = {}) =>
    dataOf(await stack.gql<{ signUp: Auth }>(SIGN_UP, { input: { email, password, displayName: 'Someone', ...extra } }))
      .signUp;
  const me = async (token: string) => dataOf(await stack.gql<Me>(ME, {}, token));
  /** The operator role on the space and a pass, both given to `email` before anyone owns it. */
  async function grantTo(email: string) {
    dataOf(
      await stack.gql(
        GRANT_ROLE,
        { input: { email, role: 'SPACE_OPERATOR', spaceId: space().id } },
        space().operator.token,
      ),
    );
    return sellPass(stack, seeded, {}, { holderEmail: email });
  }
  const registerScanner = (token: string) =>
    stack.gql(REGISTER_SCANNER, { input: { spaceId: space().id, name: unique('desk') } }, token);

  describe('an attacker who signs up first with an invited address', () => {
    it('gets neither the role nor the pass, even when the owner clicks the link sent at their sign-up', async () => {
      const email = `${unique('invited')}@cantine.fr`;
      await grantTo(email);
      const attacker = await signUpAs(email, ATTACKER_PASSWORD);
      expect(await me(attacker.accessToken)).toMatchObject({ me: { emailVerified: false, roles: [] }, myPasses: [] });
      expect(failure(await registerScanner(attacker.accessToken)).code).toBe('FORBIDDEN');

      // The owner reads the verification link, but has no session of that account to present it with.
      const token = await tokenFromMail(stack, email, 'verify-email');
      expect(failure(await stack.gql(VERIFY_EMAIL, { token })).code).toBe('UNAUTHENTICATED');
      const ownerElsewhere = await signUp(stack);
      expect(failure(await stack.gql(VERIFY_EMAIL, { token }, ownerElsewhere.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOKEN_FOR_ANOTHER_ACCOUNT',
        field: 'token',
      });
      expect(await me(attacker.accessToken)).toMatchObject({ me: { emailVerified: false, roles: [] }, myPasses: [] });
    });

    it('loses the account when the owner signs up with the invitation token: the owner gets both', async () => {
      const email = `${unique('invited')}@cantine.fr`;
      const pass = await grantTo(email);
      const attacker = await signUpAs(email, ATTACKER_PASSWORD);
      const invitation = await tokenFromMail(stack, email, 'sign-up');

      const owner = await signUpAs(email, OWNER_PASSWORD, { invitationToken: invitation });
      const seen = await me(owner.accessToken);
      expect(seen.me).toMatchObject({ emailVerified: true, roles: [{ space: { id: space().id } }] });
      expect(seen.myPasses.map((p) => p.id)).toEqual([pass.id]);
      dataOf(await registerScanner(owner.accessToken));

      await expectSessionsOver(attacker);
      expect(failure(await stack.gql(LOG_IN, { input: { email, password: ATTACKER_PASSWORD } })).code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('loses the account when the owner resets its password from the mailbox: the owner gets both', async () => {
      const email = `${unique('invited')}@cantine.fr`;
      const pass = await grantTo(email);
      const attacker = await signUpAs(email, ATTACKER_PASSWORD);
      expect(dataOf(await stack.gql(REQUEST_PASSWORD_RESET, { email })).requestPasswordReset).toBe(true);
      const token = await tokenFromMail(stack, email, 'reset-password');

      const owner = dataOf(
        await stack.gql<{ resetPassword: Auth }>(RESET_PASSWORD, { input: { token, password: OWNER_PASSWORD } }),
      ).resetPassword;
      const seen = await me(owner.accessToken);
      expect(seen.me).toMatchObject({ emailVerified: true, roles: [{ space: { id: space().id } }] });
      expect(seen.myPasses.map((p) => p.id)).toEqual([pass.id]);

      await expectSessionsOver(attacker);
    });

    /** The attacker's access token is refused by accounts and network alike, and their refresh token is dead. */
    async function expectSessionsOver(attacker: Auth) {
      expect(failure(await stack.gql(ME, {}, attacker.accessToken)).code).toBe('UNAUTHENTICATED');
      expect(failure(await registerScanner(attacker.accessToken)).code).toBe('UNAUTHENTICATED');
      expect(failure(await stack.gql(UPDATE_ME, { input: { displayName: 'Mine' } }, attacker.accessToken)).code).toBe(
        'UNAUTHENTICATED',
      );
      expect(failure(await stack.gql(REFRESH, { token: attacker.refreshToken })).code).toBe('UNAUTHENTICATED');
    }
  });

  describe('tokens from mails', () => {
    it('are refused used twice, late, for another purpose, malformed, or for another account, naming the field', async () => {
      const email = `${unique('t')}@example.org`;
      const account = await signUpAs(email, PASSWORD);
      const token = await tokenFromMail(stack, email, 'verify-email');
      expect(failure(await stack.gql(VERIFY_EMAIL, { token: 'nonsense' }, account.accessToken))).toMatchObject({
        reason: 'TOKEN_INVALID',
        field: 'token',
        message: 'This link is not valid: ask for a new one.',
      });
      const [id] = token.split('.');
      expect(
        failure(await stack.gql(VERIFY_EMAIL, { token: `${id}.${'A'.repeat(43)}` }, account.accessToken)).reason,
      ).toBe('TOKEN_INVALID');
      dataOf(await stack.gql(VERIFY_EMAIL, { token }, account.accessToken));
      expect(failure(await stack.gql(VERIFY_EMAIL, { token }, account.accessToken))).toMatchObject({
        reason: 'TOKEN_USED',
        field: 'token',
        message: 'This link has already been used: ask for a new one.',
      });

      dataOf(await stack.gql(REQUEST_PASSWORD_RESET, { email }));
      const reset = await tokenFromMail(stack, email, 'reset-password');
      // A reset token is not a verification token.
      expect(failure(await stack.gql(VERIFY_EMAIL, { token: reset }, account.accessToken)).reason).toBe(
        'TOKEN_INVALID',
      );
      await db.query(`UPDATE accounts.email_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        reset.split('.')[0],
      ]);
      expect(
        failure(await stack.gql(RESET_PASSWORD, { input: { token: reset, password: OWNER_PASSWORD } })),
      ).toMatchObject({
        reason: 'TOKEN_EXPIRED',
        field: 'input.token',
        message: 'This link has expired: ask for a new one.',
      });
    });

    it('an invitation token proves only the address it was sent to', async () => {
      const email = `${unique('invited')}@cantine.fr`;
      await grantTo(email);
      const invitation = await tokenFromMail(stack, email, 'sign-up');
      const other = `${unique('other')}@example.org`;
      const response = await stack.gql(SIGN_UP, {
        input: { email: other, password: PASSWORD, displayName: 'X', invitationToken: invitation },
      });
      expect(failure(response)).toMatchObject({ reason: 'TOKEN_FOR_ANOTHER_ACCOUNT', field: 'input.invitationToken' });
      // Still good for its own address, once.
      dataOf(
        await stack.gql(SIGN_UP, {
          input: { email, password: PASSWORD, displayName: 'Y', invitationToken: invitation },
        }),
      );
    });

    it('are stored hashed: the database holds no secret from a mail', async () => {
      const email = `${unique('h')}@example.org`;
      await signUpAs(email, PASSWORD);
      const token = await tokenFromMail(stack, email, 'verify-email');
      const { rows } = await db.query(`SELECT secret_hash FROM accounts.email_tokens WHERE id = $1`, [
        token.split('.')[0],
      ]);
      expect(rows[0].secret_hash).not.toContain(token.split('.')[1]);
      expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('password reset', () => {
    it('revokes every session of the account, in every subgraph, and logs in', async () => {
      const own = await seedNetwork(stack, { spaces: [] });
      const admin = own.admin;
      const login = async (password: string) =>
        dataOf(await stack.gql<{ logIn: Auth }>(LOG_IN, { input: { email: admin.email, password } })).logIn;
      const first = await login(PASSWORD);
      const second = await login(PASSWORD);
      const month = new Date().toISOString().slice(0, 7);
      dataOf(await stack.gql(PERIOD, { networkId: own.network.id, month }, first.accessToken));

      dataOf(await stack.gql(REQUEST_PASSWORD_RESET, { email: admin.email }));
      const token = await tokenFromMail(stack, admin.email, 'reset-password');
      const fresh = dataOf(
        await stack.gql<{ resetPassword: Auth }>(RESET_PASSWORD, {
          input: { token, password: 'a brand new password' },
        }),
      ).resetPassword;

      for (const old of [first, second, { accessToken: admin.token, refreshToken: undefined }]) {
        expect(failure(await stack.gql(PERIOD, { networkId: own.network.id, month }, old.accessToken)).code).toBe(
          'UNAUTHENTICATED',
        );
        expect(failure(await stack.gql(ME, {}, old.accessToken)).code).toBe('UNAUTHENTICATED');
        if (old.refreshToken)
          expect(failure(await stack.gql(REFRESH, { token: old.refreshToken })).code).toBe('UNAUTHENTICATED');
      }
      dataOf(await stack.gql(PERIOD, { networkId: own.network.id, month }, fresh.accessToken));
      expect((await me(fresh.accessToken)).me).toMatchObject({ emailVerified: true, id: admin.userId });
      expect(failure(await stack.gql(LOG_IN, { input: { email: admin.email, password: PASSWORD } })).code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers true for any address, mails only an account, and limits every address alike', async () => {
      const known = `${unique('known')}@example.org`;
      await signUpAs(known, PASSWORD);
      const unknown = `${unique('nobody')}@example.org`;
      for (const email of [known, unknown]) {
        expect(await stack.gql(REQUEST_PASSWORD_RESET, { email })).toEqual({ data: { requestPasswordReset: true } });
      }
      expect((await mailbox(stack, known)).some((m) => m.links.some((l) => l.includes('/reset-password?')))).toBe(true);
      expect(await mailbox(stack, unknown)).toEqual([]);
      for (const email of [known, unknown]) {
        expect(failure(await stack.gql(REQUEST_PASSWORD_RESET, { email }))).toMatchObject({
          code: 'RATE_LIMITED',
          retryAfterSeconds: expect.any(Number),
        });
      }
    });
  });

  describe('verification', () => {
    it('is asked again at most once a minute', async () => {
      const email = `${unique('v')}@example.org`;
      const account = await signUpAs(email, PASSWORD);
      expect(dataOf(await stack.gql(REQUEST_EMAIL_VERIFICATION, {}, account.accessToken))).toEqual({
        requestEmailVerification: true,
      });
      const limited = failure(await stack.gql(REQUEST_EMAIL_VERIFICATION, {}, account.accessToken));
      expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
      expect(
        (await mailbox(stack, email)).filter((m) => m.links.some((l) => l.includes('/verify-email?'))),
      ).toHaveLength(2);
    });

    it('counts at once for the session that verified, without refreshing its token', async () => {
      const email = `${unique('now')}@cantine.fr`;
      const pass = await grantTo(email);
      const account = await signUpAs(email, PASSWORD);
      expect((await me(account.accessToken)).myPasses).toEqual([]);
      const token = await tokenFromMail(stack, email, 'verify-email');
      expect(dataOf(await stack.gql(VERIFY_EMAIL, { token }, account.accessToken))).toMatchObject({
        verifyEmail: { emailVerified: true },
      });
      expect((await me(account.accessToken)).myPasses.map((p) => p.id)).toEqual([pass.id]);
    });
  });

  describe('sessions and settings', () => {
    it('logOut ends the session of that refresh token', async () => {
      const account = await signUpAs(`${unique('out')}@example.org`, PASSWORD);
      const rotated = dataOf(
        await stack.gql<{ refreshToken: Auth }>(REFRESH, { token: account.refreshToken }),
      ).refreshToken;
      expect(dataOf(await stack.gql(LOG_OUT, { token: rotated.refreshToken }))).toEqual({ logOut: true });
      expect(failure(await stack.gql(REFRESH, { token: rotated.refreshToken })).code).toBe('UNAUTHENTICATED');
    });

    it('updateMe sets the display name and the locale, fr or en only', async () => {
      const account = await signUpAs(`${unique('me')}@example.org`, PASSWORD);
      expect(
        dataOf(await stack.gql(UPDATE_ME, { input: { displayName: 'Ana', locale: 'en' } }, account.accessToken)),
      ).toEqual({
        updateMe: { displayName: 'Ana', locale: 'en' },
      });
      expect(failure(await stack.gql(UPDATE_ME, { input: { locale: 'de' } }, account.accessToken))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.locale',
      });
    });
  });

  describe('languages', () => {
    it("mails in the recipient's locale, French by default", async () => {
      const french = `${unique('fr')}@example.org`;
      const english = `${unique('en')}@example.org`;
      await signUpAs(french, PASSWORD);
      await signUpAs(english, PASSWORD, { locale: 'en' });
      expect((await mailbox(stack, french))[0]).toMatchObject({ subject: 'Confirmez votre adresse' });
      expect((await mailbox(stack, english))[0]).toMatchObject({ subject: 'Confirm your address' });
      expect((await mailbox(stack, english))[0].text).toContain('valid for 48 hours');
    });

    it('a sign-up with a taken address stays CONFLICT and tells the owner', async () => {
      const email = `${unique('taken')}@example.org`;
      await signUpAs(email, PASSWORD, { locale: 'en' });
      const response = await stack.gql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Again' } });
      expect(failure(response).code).toBe('CONFLICT');
      expect((await mailbox(stack, email))[0].subject).toBe('Someone tried to sign up with your address');
    });

    it("gives the front desk the check-in's message in the request's Accept-Language (fr by default)", async () => {
      const sold = await sellPass(stack, seeded);
      const qr = await holderQr(stack, sold.holderEmail, sold.id);
      const scan = {
        spaceId: space().id,
        credential: qr.token,
        idempotencyKey: newKey(),
        occurredAt: new Date().toISOString(),
      };
      const ask = (language?: string) =>
        postGraphQL<{ checkIn: { message: string } }>(
          stack.gatewayUrl,
          `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { message } }`,
          { input: scan },
          space().scanner,
          language ? { 'accept-language': language } : {},
        );
      expect(dataOf(await ask()).checkIn.message).toBe('Bienvenue ! Entrée enregistrée pour la journée.');
      expect(dataOf(await ask('en-GB,en;q=0.8')).checkIn.message).toBe('Welcome! Checked in for the day.');
      expect(dataOf(await ask('de, fr;q=0.5')).checkIn.message).toBe('Bienvenue ! Entrée enregistrée pour la journée.');
    });
  });
});
