import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from './api';
import { graphql } from './graphql';
import { lang } from './i18n';
import { Session } from './session';
import { account as t, common } from './strings';
import { asApiError, FieldError, FormError, LoginForm, useSession } from './ui';

/**
 * What a person does with their account from the pages, and the pages that mails link to
 * (accounts builds them: `<app>/verify-email?token=`, `<app>/reset-password?token=`,
 * `<app>/sign-up?invitation=&email=`). The rule the pages follow: a verification link is used by
 * the logged-in account it was sent to, so the page asks to log in first.
 */

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
    }
  }
`);

const ME = graphql(`
  query Me {
    me {
      id
      email
      emailVerified
    }
  }
`);

const VERIFY_EMAIL = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      emailVerified
    }
  }
`);

const REQUEST_EMAIL_VERIFICATION = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification
  }
`);

const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export type MailPage =
  | { kind: 'verify'; token: string }
  | { kind: 'reset'; token: string }
  | { kind: 'signUp'; invitation: string; email: string };

/** The mailed link this page was opened from, if any. */
export function mailPage(): MailPage | undefined {
  const query = new URLSearchParams(location.search);
  const page = location.pathname.split('/').filter(Boolean).pop();
  const token = query.get('token') ?? '';
  if (page === 'verify-email') return { kind: 'verify', token };
  if (page === 'reset-password') return { kind: 'reset', token };
  if (page === 'sign-up')
    return { kind: 'signUp', invitation: query.get('invitation') ?? '', email: query.get('email') ?? '' };
  return undefined;
}

/** Back to the app's own page once the link is used: reloading must not use it twice. */
export function leaveMailPage(): void {
  const app = location.pathname.split('/').filter(Boolean)[0];
  history.replaceState(null, '', `/${app}/`);
}

/** Signs up and logs in; with an invitation token from a mail the address is verified at once. */
export function SignUpForm(props: { session: Session; invitation?: string; email?: string; onDone: () => void }) {
  const [error, setError] = useState<ApiError>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const input = {
      email: String(form.get('email')),
      password: String(form.get('password')),
      displayName: String(form.get('displayName')),
      locale: lang,
      invitationToken: props.invitation || undefined,
    };
    try {
      await props.session.api.run(SIGN_UP, { input });
      await props.session.logIn(input.email, input.password);
      props.onDone();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <form class="card" onSubmit={submit}>
      {props.invitation && <p>{t.invited}</p>}
      <label>
        {t.name}
        <input name="displayName" required autoComplete="name" />
      </label>
      <FieldError error={error} field="displayName" />
      <label>
        {common.email}
        <input name="email" type="email" required autoComplete="username" value={props.email} />
      </label>
      <FieldError error={error} field="email" />
      <label>
        {common.password}
        <input name="password" type="password" required minLength={10} autoComplete="new-password" />
      </label>
      <p class="muted">{t.passwordHint}</p>
      <FieldError error={error} field="password" />
      <FieldError error={error} field="invitationToken" />
      <FormError error={error} fields={['displayName', 'email', 'password', 'invitationToken']} />
      <button type="submit">{t.signUp}</button>
    </form>
  );
}

/**
 * Shown while the logged-in account's address is not verified: nothing granted to the address
 * reaches it until then. After a sign-up it is the "check your mailbox" notice.
 */
export function UnverifiedBanner(props: { session: Session; refresh?: unknown }) {
  const [email, setEmail] = useState<string>();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    props.session.api
      .run(ME, {})
      .then(({ me }) => setEmail(me && me.emailVerified === false ? (me.email ?? '') : undefined))
      .catch(() => setEmail(undefined));
  }, [props.session, props.refresh]);
  if (email === undefined) return null;
  const resend = async () => {
    setError(undefined);
    try {
      await props.session.api.run(REQUEST_EMAIL_VERIFICATION, {});
      setSent(true);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <section class="card notice" aria-label={t.unverifiedTitle}>
      <h2>{t.unverifiedTitle}</h2>
      <p>{t.checkMailbox(email)}</p>
      {sent ? (
        <p role="status">{t.sent}</p>
      ) : (
        <button type="button" class="secondary" onClick={resend}>
          {t.resend}
        </button>
      )}
      <FormError error={error} fields={[]} />
    </section>
  );
}

/** The verification link: the account it was sent to logs in, then its session presents the token. */
export function VerifyEmail(props: { session: Session; token: string; onDone: () => void }) {
  const user = useSession(props.session);
  const [error, setError] = useState<ApiError>();
  const [verified, setVerified] = useState(false);
  useEffect(() => {
    if (!user || verified) return;
    setError(undefined);
    props.session.api
      .run(VERIFY_EMAIL, { token: props.token })
      .then(() => {
        setVerified(true);
        leaveMailPage();
      })
      .catch((caught) => setError(asApiError(caught)));
  }, [user?.id]);
  if (verified)
    return (
      <section class="card">
        <p role="status">{t.verified}</p>
        <button type="button" onClick={props.onDone}>
          {t.continue}
        </button>
      </section>
    );
  if (!user)
    return (
      <>
        <p>{t.logInToVerify}</p>
        <LoginForm session={props.session} />
      </>
    );
  if (!error) return <p>{common.loading}</p>;
  return (
    <section class="card">
      <FieldError error={error} field="token" />
      <FormError error={error} fields={['token']} />
      <p class="muted">{t.otherAccount}</p>
      <button type="button" class="secondary" onClick={props.onDone}>
        {t.continue}
      </button>
    </section>
  );
}

/** Asks for a reset link; the answer is the same whether or not an account has the address. */
export function ForgotPassword(props: { session: Session }) {
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email'));
    setError(undefined);
    try {
      await props.session.api.run(REQUEST_PASSWORD_RESET, { email });
      setAsked(true);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  if (asked) return <p role="status">{t.resetSent}</p>;
  return (
    <form class="card" onSubmit={submit}>
      <p>{t.forgotIntro}</p>
      <label>
        {common.email}
        <input name="email" type="email" required autoComplete="username" />
      </label>
      <FieldError error={error} field="email" />
      <FormError error={error} fields={['email']} />
      <button type="submit">{t.sendResetLink}</button>
    </form>
  );
}

/** The reset link: a new password; the API verifies the address, ends every other session and logs in. */
export function ResetPassword(props: { session: Session; token: string; onDone: () => void }) {
  const [error, setError] = useState<ApiError>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget as HTMLFormElement).get('password'));
    setError(undefined);
    try {
      await props.session.resetPassword(props.token, password);
      leaveMailPage();
      props.onDone();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <form class="card" onSubmit={submit}>
      <FieldError error={error} field="token" />
      <label>
        {t.newPassword}
        <input name="password" type="password" required minLength={10} autoComplete="new-password" />
      </label>
      <p class="muted">{t.passwordHint}</p>
      <FieldError error={error} field="password" />
      <FormError error={error} fields={['token', 'password']} />
      <button type="submit">{t.setPassword}</button>
    </form>
  );
}
