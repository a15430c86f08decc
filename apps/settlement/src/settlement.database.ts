import type { SubgraphDatabase } from '@passerelle/database';
import { CreateSettlement1795409394285 } from './migrations/1795409394285-CreateSettlement';
import { SettledVisitsMovedIndex1796161680661 } from './migrations/1796161680661-SettledVisitsMovedIndex';
import { ClosedPeriodEntity } from './periods/closed-period.entity';
import { ChargeEntity } from './ledger/charge.entity';
import { ConsumerPositionEntity } from './visit-stream/consumer-position.entity';
import { SettledVisitEntity } from './ledger/settled-visit.entity';

/** What the settlement subgraph keeps in PostgreSQL: its own schema, entities and migrations. */
export function settlementDatabase(url: string, poolSize?: number): SubgraphDatabase {
  return {
    url,
    schema: 'settlement',
    migrations: [CreateSettlement1795409394285, SettledVisitsMovedIndex1796161680661],
    entities: [ConsumerPositionEntity, SettledVisitEntity, ChargeEntity, ClosedPeriodEntity],
    poolSize,
  };
}
