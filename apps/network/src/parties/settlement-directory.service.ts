import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SettlementDirectory } from '@passerelle/contracts';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { allows, periodScope, Permission } from '../access/permissions';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

const NO_NETWORK: SettlementDirectory = {
  network: null,
  caller: { networkAdmin: false, mayReadPeriods: false, operatedSpaceIds: [] },
  parties: [],
};

/**
 * What the settlement subgraph needs from the registry for one request: the network's settings, the
 * caller's roles as they are now (a grant taken away counts at once), and the names of its parties
 * (settlement owns none of them). One query, one round trip.
 */
@Injectable()
export class SettlementDirectoryService {
  constructor(
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async directory(networkId: string, userId: string | undefined, emailVerified: boolean): Promise<SettlementDirectory> {
    if (!isUuid(networkId)) return NO_NETWORK;
    const user = userId !== undefined && isUuid(userId) ? userId : null;
    const [row]: Array<{
      network: SettlementDirectory['network'];
      parties: SettlementDirectory['parties'] | null;
    }> = await this.dataSource.query(
      `SELECT json_build_object('id', n.id, 'name', n.name, 'currency', n.currency, 'timezone', n.timezone,
                                  'settlementMode', n.settlement_mode) AS network,
                (SELECT json_agg(p) FROM (
                   SELECT 'NETWORK' AS kind, n.id, n.name
                   UNION ALL
                   SELECT 'SPACE', s.id, s.name FROM memberships m JOIN spaces s ON s.id = m.space_id
                    WHERE m.network_id = n.id
                   UNION ALL
                   SELECT 'ORGANIZATION', o.id, o.name FROM organizations o WHERE o.network_id = n.id) p) AS parties
           FROM networks n WHERE n.id = $1`,
      [networkId],
    );
    if (!row) return NO_NETWORK;
    const actor = user ? await this.access.actorOf(user, emailVerified) : ({ kind: 'anonymous' } as const);
    const scope = periodScope(actor, networkId);
    return {
      network: row.network,
      caller: {
        networkAdmin: allows(actor, Permission.ADMINISTER_NETWORK, { networkId }),
        mayReadPeriods: allows(actor, Permission.READ_PERIOD, { networkId }),
        operatedSpaceIds: scope.all ? [] : scope.spaceIds,
      },
      parties: row.parties ?? [],
    };
  }
}
