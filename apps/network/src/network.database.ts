import type { SubgraphDatabase } from '@passerelle/database';
import { OutboxEventEntity } from '@passerelle/outbox';
import { AccountCredentialEntity } from './account-credentials/account-credential.entity';
import { CheckInEntity } from './check-ins/check-in.entity';
import { DeskSerialMissesEntity } from './check-ins/desk-serial-misses.entity';
import { SpaceDaySeatsEntity } from './check-ins/space-day-seats.entity';
import { NetworkKeyEntity } from './credentials/network-key.entity';
import { PassMonthUsageEntity } from './passes/pass-month-usage.entity';
import { PassEntity } from './passes/pass.entity';
import { PassProductEntity } from './products/pass-product.entity';
import { VisitEntity } from './visits/visit.entity';
import { RoleGrantEntity } from './access/role-grant.entity';
import { MembershipEntity } from './memberships/membership.entity';
import { CreateRegistry1795399041660 } from './migrations/1795399041660-CreateRegistry';
import { CreatePassesAndCheckIns1795404235430 } from './migrations/1795404235430-CreatePassesAndCheckIns';
import { CheckInRetentionAndRecentDays1795425992181 } from './migrations/1795425992181-CheckInRetentionAndRecentDays';
import { DeskSerialMisses1796162135067 } from './migrations/1796162135067-DeskSerialMisses';
import { AccountCredentials1796172317095 } from './migrations/1796172317095-AccountCredentials';
import { NetworkEntity } from './networks/network.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { ScannerEntity } from './scanners/scanner.entity';
import { SpaceEntity } from './spaces/space.entity';

/** What the network subgraph keeps in PostgreSQL: its own schema, entities and migrations. */
export function networkDatabase(url: string, poolSize?: number): SubgraphDatabase {
  return {
    url,
    schema: 'network',
    migrations: [
      CreateRegistry1795399041660,
      CreatePassesAndCheckIns1795404235430,
      CheckInRetentionAndRecentDays1795425992181,
      DeskSerialMisses1796162135067,
      AccountCredentials1796172317095,
    ],
    entities: [
      NetworkEntity,
      SpaceEntity,
      MembershipEntity,
      RoleGrantEntity,
      ScannerEntity,
      OrganizationEntity,
      PassProductEntity,
      NetworkKeyEntity,
      PassEntity,
      PassMonthUsageEntity,
      VisitEntity,
      SpaceDaySeatsEntity,
      CheckInEntity,
      DeskSerialMissesEntity,
      OutboxEventEntity,
      AccountCredentialEntity,
    ],
    poolSize,
  };
}
