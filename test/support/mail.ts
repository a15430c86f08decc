import { dataOf } from '@passerelle/testing';
import type { GatewayClient } from './shared-stack';

/** Reading the dev mailbox (no MAIL_URL), as the README's first session does. */

export const DEV_MAILBOX = `query DevMailbox($to: String, $first: Int) {
  devMailbox(to: $to, first: $first) { id to subject text links sentAt }
}`;
export const VERIFY_EMAIL = `mutation VerifyEmail($token: String!) { verifyEmail(token: $token) { id email emailVerified } }`;
export const REQUEST_EMAIL_VERIFICATION = `mutation { requestEmailVerification }`;
export const REQUEST_PASSWORD_RESET = `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`;
export const RESET_PASSWORD = `mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) { accessToken refreshToken user { id email emailVerified } }
}`;

export type MailMessage = { id: string; to: string; subject: string; text: string; links: string[]; sentAt: string };

export async function mailbox(stack: GatewayClient, to: string): Promise<MailMessage[]> {
  return dataOf(await stack.gql<{ devMailbox: MailMessage[] }>(DEV_MAILBOX, { to, first: 100 })).devMailbox;
}

/** The token of the newest link to `page` (verify-email, reset-password, sign-up) mailed to `to`. */
export async function tokenFromMail(stack: GatewayClient, to: string, page: string): Promise<string> {
  const link = (await mailbox(stack, to)).flatMap((message) => message.links).find((l) => l.includes(`/${page}?`));
  if (!link) throw new Error(`No ${page} link was mailed to ${to}.`);
  const url = new URL(link);
  return url.searchParams.get(page === 'sign-up' ? 'invitation' : 'token')!;
}

/** The owner of the mailbox verifies the account with its own session. */
export async function verifyFromMailbox(stack: GatewayClient, email: string, accessToken: string): Promise<void> {
  const token = await tokenFromMail(stack, email, 'verify-email');
  dataOf(await stack.gql(VERIFY_EMAIL, { token }, accessToken));
}
