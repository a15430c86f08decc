import { CreateAccounts1795396139673 } from './migrations/1795396139673-CreateAccounts';
import { LoginAttemptsInFlight1795440000000 } from './migrations/1795440000000-LoginAttemptsInFlight';
import type { SubgraphDatabase } from '@passerelle/database';

import { LoginFailureEntity } from './sessions/login-failure.entity';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { UserEntity } from './users/user.entity';

/** What the accounts subgraph keeps in PostgreSQL: its own schema, entities and migrations. */
export function accountsDatabase(url: string, poolSize?: number): SubgraphDatabase {
  return {
    url,
    schema: 'accounts',
    entities: [UserEntity, RefreshTokenEntity, LoginFailureEntity],
    migrations: [CreateAccounts1795396139673, LoginAttemptsInFlight1795440000000],
    poolSize,
  };
}
