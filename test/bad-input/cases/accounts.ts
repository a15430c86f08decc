import { bad, BadInputCase, invalid, request } from '../case';
import { BLANK, LONE_HIGH, long, NUL, RTL_OVERRIDE, ZERO_WIDTH } from '../values';
import { LOG_IN, SIGN_UP } from '../../support/documents';

const REFRESH = `mutation Refresh($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { accessToken } }`;

let people = 0;
const signUp = (overrides: Record<string, unknown>) => () => ({
  input: {
    email: `corpus-${(people += 1)}@example.org`,
    password: 'correct horse battery',
    displayName: 'Dominique',
    ...overrides,
  },
});
const logIn = (overrides: Record<string, unknown>) => ({
  input: { email: 'nobody@example.org', password: 'correct horse battery', ...overrides },
});

export const accountCases: BadInputCase[] = [
  request('signUp: email without an @', SIGN_UP, signUp({ email: 'ana.example.org' }), bad('input.email')),
  request('signUp: empty email', SIGN_UP, signUp({ email: '' }), bad('input.email')),
  request('signUp: NUL in the email', SIGN_UP, signUp({ email: 'ana\u0000@example.org' }), bad('input.email')),
  request('signUp: overlong email', SIGN_UP, signUp({ email: `${long(250)}@example.org` }), bad('input.email')),
  request('signUp: email as a number', SIGN_UP, signUp({ email: 42 }), invalid('input.email')),
  request('signUp: password of 9 characters', SIGN_UP, signUp({ password: 'too short' }), bad('input.password')),
  request('signUp: overlong password', SIGN_UP, signUp({ password: long(5000) }), bad('input.password')),
  request('signUp: NUL in the password', SIGN_UP, signUp({ password: `correct horse${NUL}` }), bad('input.password')),
  request('signUp: empty displayName', SIGN_UP, signUp({ displayName: '' }), bad('input.displayName')),
  request('signUp: blank displayName', SIGN_UP, signUp({ displayName: BLANK }), bad('input.displayName')),
  request('signUp: zero-width displayName', SIGN_UP, signUp({ displayName: ZERO_WIDTH }), bad('input.displayName')),
  request('signUp: NUL in the displayName', SIGN_UP, signUp({ displayName: NUL }), bad('input.displayName')),
  request(
    'signUp: RTL override in the displayName',
    SIGN_UP,
    signUp({ displayName: RTL_OVERRIDE }),
    bad('input.displayName'),
  ),
  request(
    'signUp: lone surrogate in the displayName',
    SIGN_UP,
    signUp({ displayName: LONE_HIGH }),
    bad('input.displayName'),
  ),
  request('signUp: overlong displayName', SIGN_UP, signUp({ displayName: long(101) }), bad('input.displayName')),
  request('signUp: displayName as a number', SIGN_UP, signUp({ displayName: 3 }), invalid('input.displayName')),
  request(
    'signUp: displayName missing',
    SIGN_UP,
    () => ({ input: { email: 'x@example.org', password: 'correct horse battery' } }),
    invalid('input.displayName', 'input'),
  ),
  request('signUp: input missing', SIGN_UP, {}, invalid('input')),
  request('signUp: input as a string', SIGN_UP, { input: 'ana@example.org' }, invalid('input')),
  request('signUp: an unknown input field', SIGN_UP, signUp({ isAdmin: true }), invalid('input.isAdmin', 'input')),

  request('logIn: malformed email', LOG_IN, logIn({ email: 'nobody' }), bad('input.email')),
  request('logIn: NUL in the email', LOG_IN, logIn({ email: 'nobody\u0000@example.org' }), bad('input.email')),
  request('logIn: empty password', LOG_IN, logIn({ password: '' }), bad('input.password')),
  request('logIn: NUL in the password', LOG_IN, logIn({ password: `correct${NUL}` }), bad('input.password')),
  request('logIn: overlong password', LOG_IN, logIn({ password: long(2000) }), bad('input.password')),
  request('logIn: password null', LOG_IN, logIn({ password: null }), invalid('input.password')),

  request('refreshToken: NUL in the token', REFRESH, { refreshToken: `prt_${NUL}` }, bad('refreshToken')),
  request('refreshToken: a number', REFRESH, { refreshToken: 12345 }, invalid('refreshToken')),
  request('refreshToken: variable missing', REFRESH, {}, invalid('refreshToken')),
  request('refreshToken: null', REFRESH, { refreshToken: null }, invalid('refreshToken')),
];
