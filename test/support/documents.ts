/** The GraphQL documents several specs send, declared once (a spec's own questions stay in the spec). */

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken accessTokenExpiresAt refreshToken user { id email displayName } }
}`;

export const LOG_IN = `mutation LogIn($input: LogInInput!) {
  logIn(input: $input) { accessToken refreshToken user { id email } }
}`;
