import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUuid } from '@passerelle/database';
import { EmailTokenEntity, EmailTokenPurpose } from './email-token.entity';
import { refusals } from './email-tokens.errors';

const HOUR_MS = 3600 * 1000;

/** How long a link stays good after it was sent. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  [EmailTokenPurpose.VERIFICATION]: 48 * HOUR_MS,
  [EmailTokenPurpose.INVITATION]: 14 * 24 * HOUR_MS,
  [EmailTokenPurpose.PASSWORD_RESET]: HOUR_MS,
};

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Tokens sent in mails: random (32 bytes), stored hashed, single use, compared in constant time, with
 * an expiry per purpose. Both calls take the caller's transaction: a token exists with its mail, and
 * is spent with what it allows.
 */
@Injectable()
export class EmailTokensService {
  async issue(manager: EntityManager, userId: string, email: string, purpose: EmailTokenPurpose): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const row = await manager.save(
      manager.create(EmailTokenEntity, {
        userId,
        email,
        purpose,
        secretHash: sha256(secret).toString('hex'),
        expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose]),
        usedAt: null,
      }),
    );
    return `${row.id}.${secret}`;
  }

  /**
   * Spends a token, or refuses it on `field`: unknown or wrong secret, for another purpose, used,
   * expired, or (when `userId` is given) sent to another account. The row is locked until the caller's
   * transaction ends, so a token is spent once even by two parallel requests.
   */
  async consume(
    manager: EntityManager,
    token: string,
    purpose: EmailTokenPurpose,
    field: string,
    userId?: string,
  ): Promise<EmailTokenEntity> {
    const [id, secret] = token.trim().split('.');
    if (!id || !secret || !isUuid(id)) throw refusals.invalid(field);
    const row = await manager
      .getRepository(EmailTokenEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id })
      .getOne();
    const expected = Buffer.from(row?.secretHash ?? '0'.repeat(64), 'hex');
    const matches = timingSafeEqual(sha256(secret), expected) && row !== null;
    if (!row || !matches || row.purpose !== purpose) throw refusals.invalid(field);
    if (userId !== undefined && row.userId !== userId) throw refusals.otherAccount(field);
    if (row.usedAt) throw refusals.used(field);
    if (row.expiresAt.getTime() <= Date.now()) throw refusals.expired(field);
    await manager.update(EmailTokenEntity, { id: row.id }, { usedAt: () => 'now()' });
    return row;
  }
}
