import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InternalApiGuard } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { allows, periodScope, Permission } from '../access/permissions';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { PartyKind } from './party.model';

export interface SettlementDirectory {
  network: { id: string; name: string; currency: string; timezone: string; settlementMode: string } | null;
  /**
   * What the user may do with the network's settlement, decided here by the catalogue from the current
   * role grants: close it (an admin), read its periods, and whose lines (the spaces they operate that
   * are ACTIVE members; every line for an admin).
   */
  caller: { networkAdmin: boolean; mayReadPeriods: boolean; operatedSpaceIds: string[] };
  /** Every party that can appear in the network's settlement, with its current name. */
  parties: Array<{ kind: PartyKind; id: string; name: string }>;
}

/**
 * What the settlement subgraph needs from the registry for one request: the network's settings, the
 * caller's roles as they are now (a grant taken away counts at once), and the names of its parties
 * (settlement owns none of them). One query, one round trip.
 */
@Controller('internal/settlement-directory')
@UseGuards(InternalApiGuard)
export class SettlementDirectoryController {
  constructor(
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  @Post()
  @HttpCode(200)
  async directory(
    @Body() body: { networkId?: unknown; userId?: unknown; emailVerified?: unknown },
  ): Promise<SettlementDirectory> {
    const { networkId, userId, emailVerified } = body ?? {};
    if (typeof networkId !== 'string' || (userId !== undefined && typeof userId !== 'string')) {
      throw new BadRequestException('networkId (and optionally userId) must be strings');
    }
    const empty: SettlementDirectory = {
      network: null,
      caller: { networkAdmin: false, mayReadPeriods: false, operatedSpaceIds: [] },
      parties: [],
    };
    if (!isUuid(networkId)) return empty;
    const user = typeof userId === 'string' && isUuid(userId) ? userId : null;
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
    if (!row) return empty;
    const actor = user ? await this.access.actorOf(user, emailVerified === true) : ({ kind: 'anonymous' } as const);
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
