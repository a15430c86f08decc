import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder } from '@passerelle/database';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import { User } from './user.model';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { AuthPayload } from '../sessions/auth-payload.model';
import type { Session } from '../sessions/sessions.service';
import { UpdateMeInput } from './dto/update-me.input';
import { requireLocale } from './locale';

/**
 * Until a person signs up and chooses a name, their invited account shows this one: any front desk
 * sees a holder's name, and part of their email address would tell it who they are.
 */
export const INVITED_DISPLAY_NAME = 'Invited member';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity, ACCOUNTS_DATA_SOURCE) private readonly users: Repository<UserEntity>) {}

  /** The GraphQL view of a user; who sees the email is the email field's own decision. */
  toModel(entity: UserEntity, options: { shownToSelf?: boolean } = {}): User {
    return {
      id: entity.id,
      displayName: entity.displayName,
      locale: entity.locale,
      verified: entity.emailVerifiedAt !== null,
      address: entity.email,
      ...options,
    };
  }

  authPayload(session: Session): AuthPayload {
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: session.refreshToken,
      // The request carried no token yet, but the session is the user's own.
      user: this.toModel(session.user, { shownToSelf: true }),
    };
  }

  async updateMe(userId: string, input: UpdateMeInput): Promise<UserEntity> {
    const changes: Partial<UserEntity> = {};
    if (input.displayName !== undefined && input.displayName !== null) changes.displayName = input.displayName;
    if (input.locale !== undefined && input.locale !== null)
      changes.locale = requireLocale(input.locale, 'input.locale');
    if (Object.keys(changes).length > 0) await this.users.update({ id: userId }, changes);
    return this.users.findOneByOrFail({ id: userId });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** One query for a whole batch of ids, in the order asked (null where unknown). */
  findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    return findByIdsInOrder(this.users, ids);
  }
}
