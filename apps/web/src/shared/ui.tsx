import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { switchLanguage } from './i18n';
import { Session } from './session';
import { common } from './strings';
import './style.css';

export function mount(app: ComponentChildren): void {
  render(app, document.getElementById('app')!);
}

/** Re-renders whenever the person logs in or out. */
export function useSession(session: Session): Session['user'] {
  const [user, setUser] = useState(session.user);
  useEffect(() => session.subscribe(() => setUser(session.user)), [session]);
  return user;
}

export function TopBar(props: { title: string; session?: Session; children?: ComponentChildren }) {
  const user = props.session ? useSession(props.session) : undefined;
  return (
    <header class="top-bar">
      <a href="/" class="brand">
        Passerelle
      </a>
      <span class="app-title">{props.title}</span>
      {props.children}
      <button type="button" class="link" onClick={() => switchLanguage(common.otherLang)} lang={common.otherLang}>
        {common.otherLanguage}
      </button>
      {user && (
        <button type="button" class="link" onClick={() => props.session!.logOut()}>
          {common.logOut}
        </button>
      )}
    </header>
  );
}

/** A refusal shown next to the field it names; `field` is the input's name in the API. */
export function FieldError(props: { error?: ApiError; field: string }) {
  if (!props.error || !namesField(props.error, props.field)) return null;
  return (
    <p class="field-error" role="alert">
      {props.error.message}
    </p>
  );
}

/** The API names a field by its input's path (`input.holderEmail`) or its own name (`holderEmail`). */
function namesField(error: ApiError, field: string): boolean {
  return error.field === field || error.field?.split('.').pop() === field;
}

/** A refusal that names no field of this form (or a lost connection). */
export function FormError(props: { error?: ApiError; fields: string[] }) {
  const error = props.error;
  if (!error || props.fields.some((field) => namesField(error, field))) return null;
  return (
    <p class="form-error" role="alert">
      {error.offline ? common.unreachable : error.message}
    </p>
  );
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(String(error), undefined, undefined, false);
}

export function LoginForm(props: { session: Session; intro?: string }) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      await props.session.logIn(String(form.get('email')), String(form.get('password')));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card login" onSubmit={submit}>
      {props.intro && <p>{props.intro}</p>}
      <label>
        {common.email}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <FieldError error={error} field="email" />
      <label>
        {common.password}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FieldError error={error} field="password" />
      <FormError error={error} fields={['email', 'password']} />
      <button type="submit" disabled={busy}>
        {common.logIn}
      </button>
    </form>
  );
}
