import { dataOf, postGraphQL } from '@passerelle/graphql';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;
const MAILBOX = `query ($to: String) { devMailbox(to: $to) { links } }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { id } }`;

/**
 * A bench account that has verified its address from the dev mailbox (the bench server sends no mail):
 * roles and passes count only for verified accounts.
 */
export async function verifiedSignUp(
  gatewayUrl: string,
  input: { email: string; password: string; displayName: string },
): Promise<{ accessToken: string; user: { id: string } }> {
  const { signUp } = dataOf(
    await postGraphQL<{ signUp: { accessToken: string; user: { id: string } } }>(gatewayUrl, SIGN_UP, { input }),
  );
  const { devMailbox } = dataOf(
    await postGraphQL<{ devMailbox: Array<{ links: string[] }> | null }>(gatewayUrl, MAILBOX, { to: input.email }),
  );
  const link = (devMailbox ?? []).flatMap((message) => message.links).find((l) => l.includes('/verify-email?'));
  if (!link) throw new Error(`No verification link for ${input.email} in the dev mailbox.`);
  const token = new URL(link).searchParams.get('token');
  dataOf(await postGraphQL(gatewayUrl, VERIFY, { token }, signUp.accessToken));
  return signUp;
}
