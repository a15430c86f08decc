import { dataOf, errorOf } from '@passerelle/testing';
import { sharedStack } from './support/shared-stack';
import { LOG_IN, SIGN_UP } from './support/documents';

const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken user { id } } }`;
const ME = `query Me { me { id email displayName } }`;

type AuthData = {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; email: string | null; displayName: string };
};

describe('accounts: sign-up, log-in, refresh', () => {
  const stack = sharedStack();

  const signUp = (email: string, password = 'correct horse battery', displayName = 'Camille') =>
    stack.gql<{ signUp: AuthData }>(SIGN_UP, { input: { email, password, displayName } });

  it('signs up, then knows who is calling with the access token', async () => {
    const { signUp: auth } = dataOf(await signUp('  Camille@Example.org '));
    expect(auth.user.email).toBe('camille@example.org');
    expect(new Date(auth.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    const { me } = dataOf(await stack.gql<{ me: AuthData['user'] }>(ME, {}, auth.accessToken));
    expect(me).toEqual({ id: auth.user.id, email: 'camille@example.org', displayName: 'Camille' });
  });

  it('answers me with null without a token or with a forged one', async () => {
    expect(dataOf(await stack.gql(ME)).me).toBeNull();
    expect(dataOf(await stack.gql(ME, {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).me).toBeNull();
  });

  it('refuses a second account for the same email', async () => {
    dataOf(await signUp('dup@example.org'));
    expect(errorOf(await signUp('DUP@example.org'))).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('names the bad field', async () => {
    expect(errorOf(await signUp('not-an-email'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(errorOf(await signUp('short@example.org', 'short'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
    expect(errorOf(await signUp('blank@example.org', 'long enough password', '  '))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
  });

  it('logs in with the right password only', async () => {
    dataOf(await signUp('login@example.org'));
    const ok = dataOf(
      await stack.gql<{ logIn: AuthData }>(LOG_IN, {
        input: { email: 'login@example.org', password: 'correct horse battery' },
      }),
    );
    expect(ok.logIn.user.email).toBe('login@example.org');
    const wrong = await stack.gql(LOG_IN, { input: { email: 'login@example.org', password: 'wrong password!' } });
    expect(errorOf(wrong).code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = dataOf(await signUp('rotate@example.org')).signUp;
    const second = dataOf(
      await stack.gql<{ refreshToken: AuthData }>(REFRESH, { token: first.refreshToken }),
    ).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = dataOf(
      await stack.gql<{ refreshToken: AuthData }>(REFRESH, { token: second.refreshToken }),
    ).refreshToken;

    // Replaying the first token (a stolen copy) fails and kills the newest token of the family too.
    expect(errorOf(await stack.gql(REFRESH, { token: first.refreshToken })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await stack.gql(REFRESH, { token: third.refreshToken })).code).toBe('UNAUTHENTICATED');
  });

  it('gives one new token when the same refresh token is sent twice at once', async () => {
    const auth = dataOf(await signUp('race@example.org')).signUp;
    const results = await Promise.all([1, 2].map(() => stack.gql(REFRESH, { token: auth.refreshToken })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
  });

  it('locks an email out after repeated failures, even with the right password', async () => {
    dataOf(await signUp('locked@example.org'));
    for (let i = 0; i < 5; i += 1) {
      const attempt = await stack.gql(LOG_IN, { input: { email: 'locked@example.org', password: 'wrong password!' } });
      expect(errorOf(attempt).code).toBe('UNAUTHENTICATED');
    }
    const locked = await stack.gql(LOG_IN, {
      input: { email: 'locked@example.org', password: 'correct horse battery' },
    });
    expect(errorOf(locked).code).toBe('RATE_LIMITED');
  });
});
