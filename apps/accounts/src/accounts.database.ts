import { CreateAccounts1795396139673 } from './migrations/1795396139673-CreateAccounts';
import { LoginAttemptsInFlight1795440000000 } from './migrations/1795440000000-LoginAttemptsInFlight';
import { VerifiedEmailAndMail1796172355311 } from './migrations/1796172355311-VerifiedEmailAndMail';
import type { SubgraphDatabase } from '@passerelle/database';

import { LoginFailureEntity } from './sessions/login-failure.entity';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { UserEntity } from './users/user.entity';
import { EmailTokenEntity } from './email-tokens/email-token.entity';
import { MailMessageEntity } from './mail/mail-message.entity';
import { RequestLimitEntity } from './request-limits/request-limit.entity';

/** What the accounts subgraph keeps in PostgreSQL: its own schema, entities and migrations. */
export function accountsDatabase(url: string, poolSize?: number): SubgraphDatabase {
  return {
    url,
    schema: 'accounts',
    entities: [
      UserEntity,
      RefreshTokenEntity,
      LoginFailureEntity,
      EmailTokenEntity,
      MailMessageEntity,
      RequestLimitEntity,
    ],
    migrations: [CreateAccounts1795396139673, LoginAttemptsInFlight1795440000000, VerifiedEmailAndMail1796172355311],
    poolSize,
  };
}
