import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessTokens } from '@passerelle/auth';
import { UnauthenticatedError } from '@passerelle/graphql';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { LogInInput } from './dto/log-in.input';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

export interface Session {
  user: UserEntity;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokens,
    private readonly throttle: LoginThrottleService,
    private readonly passwords: PasswordHasher,
  ) {}

  async logIn(input: LogInInput, clientAddress: string): Promise<Session> {
    await this.throttle.reserve(input.email, clientAddress);
    let user: UserEntity | null;
    let valid: boolean;
    try {
      user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: input.email });
      valid = await this.passwords.verify(input.password, user?.passwordHash ?? (await this.passwords.decoyHash()));
    } catch (error) {
      // Not judged (the database failed us): the place goes back, or the email would stay blocked.
      await this.throttle.release(input.email, clientAddress);
      throw error;
    }
    if (!user || !user.passwordHash || !valid) {
      await this.throttle.recordFailure(input.email, clientAddress);
      throw new UnauthenticatedError('Wrong email or password.');
    }
    await this.throttle.recordSuccess(input.email, clientAddress);
    return this.dataSource.transaction((manager) => this.openSession(manager, user, randomUUID()));
  }

  /**
   * Rotates a refresh token. Marking it used is a conditional update, so of two parallel uses only one
   * gets a new token; any use of an already-used token revokes its whole family (a stolen copy is dead).
   */
  async refresh(refreshToken: string): Promise<Session> {
    const tokenHash = hashToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE refresh_tokens SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         RETURNING user_id AS "userId", family_id AS "familyId"`,
        [tokenHash],
      );
      const rotated = rows as Array<{ userId: string; familyId: string }>;
      if (rotated.length === 0) return null;
      const user = await manager.findOneByOrFail(UserEntity, { id: rotated[0].userId });
      return this.openSession(manager, user, rotated[0].familyId);
    });
    if (outcome) return outcome;
    // Not usable: if it was a real token (used, revoked or expired), its family cannot be trusted any more.
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [tokenHash],
    );
    throw new UnauthenticatedError('This refresh token is no longer valid: log in again.');
  }

  /** Revokes every refresh token of the account: every session ends (at the latest when its access token expires). */
  async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  /** Ends the session this refresh token belongs to (its whole family); an unknown token changes nothing. */
  async logOut(refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashToken(refreshToken)],
    );
  }

  async openSession(manager: EntityManager, user: UserEntity, familyId: string = randomUUID()): Promise<Session> {
    const refreshToken = `prt_${randomBytes(32).toString('base64url')}`;
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    const access = this.accessTokens.sign(user.id, {
      credentialVersion: user.credentialVersion,
      emailVerified: user.emailVerifiedAt !== null,
    });
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken };
  }
}
