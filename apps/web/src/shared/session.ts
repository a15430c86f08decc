import { Api, ApiError, createApi } from './api';
import { graphql, ResultOf } from './graphql';

const AUTH_FIELDS = graphql(`
  fragment Auth on AuthPayload @_unmask {
    accessToken
    accessTokenExpiresAt
    refreshToken
    user {
      id
      displayName
    }
  }
`);

const LOG_IN = graphql(
  `
    mutation LogIn($input: LogInInput!) {
      logIn(input: $input) {
        ...Auth
      }
    }
  `,
  [AUTH_FIELDS],
);

const REFRESH = graphql(
  `
    mutation Refresh($refreshToken: String!) {
      refreshToken(refreshToken: $refreshToken) {
        ...Auth
      }
    }
  `,
  [AUTH_FIELDS],
);

const RESET_PASSWORD = graphql(
  `
    mutation ResetPassword($input: ResetPasswordInput!) {
      resetPassword(input: $input) {
        ...Auth
      }
    }
  `,
  [AUTH_FIELDS],
);

type Stored = ResultOf<typeof AUTH_FIELDS>;

/**
 * A person's login on this device, one per app (the wallet's holder and the console's operator may
 * be different people on one tablet). The access token is renewed with the refresh token shortly
 * before it expires; a refused refresh logs out.
 */
export class Session {
  readonly api: Api;
  private readonly anonymous = createApi(() => undefined);
  private readonly listeners = new Set<() => void>();
  private refreshing?: Promise<string | undefined>;

  constructor(private readonly app: string) {
    this.api = createApi(() => this.accessToken());
  }

  get user(): Stored['user'] | undefined {
    return this.stored()?.user;
  }

  async logIn(email: string, password: string): Promise<void> {
    const { logIn } = await this.anonymous.run(LOG_IN, { input: { email, password } });
    this.save(logIn);
  }

  /** The mailed reset link and a new password: the API ends every other session and logs this one in. */
  async resetPassword(token: string, password: string): Promise<void> {
    const { resetPassword } = await this.anonymous.run(RESET_PASSWORD, { input: { token, password } });
    this.save(resetPassword);
  }

  logOut(): void {
    this.save(undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async accessToken(): Promise<string | undefined> {
    const stored = this.stored();
    if (!stored) return undefined;
    if (Date.parse(stored.accessTokenExpiresAt) - Date.now() > 30_000) return stored.accessToken;
    this.refreshing ??= this.refresh(stored).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refresh(stored: Stored): Promise<string | undefined> {
    try {
      const { refreshToken } = await this.anonymous.run(REFRESH, { refreshToken: stored.refreshToken });
      this.save(refreshToken);
      return refreshToken.accessToken;
    } catch (error) {
      // Offline: keep the login for when the network is back.
      if (error instanceof ApiError && error.offline) return stored.accessToken;
      this.save(undefined);
      return undefined;
    }
  }

  private get key(): string {
    return `passerelle.${this.app}.session`;
  }

  private stored(): Stored | undefined {
    const raw = localStorage.getItem(this.key);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  }

  private save(value: Stored | undefined): void {
    if (value) localStorage.setItem(this.key, JSON.stringify(value));
    else localStorage.removeItem(this.key);
    for (const listener of this.listeners) listener();
  }
}
