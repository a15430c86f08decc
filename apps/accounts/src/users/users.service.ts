import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder } from '@passerelle/database';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import { User } from './user.model';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';

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
    return { id: entity.id, displayName: entity.displayName, address: entity.email, ...options };
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** One query for a whole batch of ids, in the order asked (null where unknown). */
  findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    return findByIdsInOrder(this.users, ids);
  }

  /**
   * The account for this email, created as an invitation when there is none. One statement, so two
   * concurrent invitations of the same address end with one account.
   */
  async invite(email: string): Promise<{ id: string; email: string; claimed: boolean }> {
    const normalized = normalizeEmail(email);
    // RETURNING gives database column names, not entity properties.
    const rows: Array<{ id: string; email: string; password_hash: string | null }> = await this.users
      .createQueryBuilder()
      .insert()
      .values({ email: normalized, displayName: INVITED_DISPLAY_NAME, passwordHash: null })
      .orUpdate(['email'], ['email'])
      .returning('id, email, password_hash')
      .execute()
      .then((result) => result.raw);
    return { id: rows[0].id, email: rows[0].email, claimed: rows[0].password_hash !== null };
  }
}
