import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InternalApiGuard } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.database';
import { PartyKind } from './party.model';

export interface SettlementDirectory {
  network: { id: string; name: string; currency: string; timezone: string; settlementMode: string } | null;
  /** What the user may see of the network's settlement, decided here from the current role grants. */
  caller: { networkAdmin: boolean; operatedSpaceIds: string[] };
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
  constructor(@InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(200)
  async directory(@Body() body: { networkId?: unknown; userId?: unknown }): Promise<SettlementDirectory> {
    const { networkId, userId } = body ?? {};
    if (typeof networkId !== 'string' || (userId !== undefined && typeof userId !== 'string')) {
      throw new BadRequestException('networkId (and optionally userId) must be strings');
    }
    const empty: SettlementDirectory = {
      network: null,
      caller: { networkAdmin: false, operatedSpaceIds: [] },
      parties: [],
    };
    if (!isUuid(networkId)) return empty;
    const user = typeof userId === 'string' && isUuid(userId) ? userId : null;
    const [row]: Array<{
      network: SettlementDirectory['network'];
      parties: SettlementDirectory['parties'] | null;
      admin: boolean;
      operated: string[] | null;
    }> = await this.dataSource.query(
      `SELECT json_build_object('id', n.id, 'name', n.name, 'currency', n.currency, 'timezone', n.timezone,
                                  'settlementMode', n.settlement_mode) AS network,
                (SELECT json_agg(p) FROM (
                   SELECT 'NETWORK' AS kind, n.id, n.name
                   UNION ALL
                   SELECT 'SPACE', s.id, s.name FROM memberships m JOIN spaces s ON s.id = m.space_id
                    WHERE m.network_id = n.id
                   UNION ALL
                   SELECT 'ORGANIZATION', o.id, o.name FROM organizations o WHERE o.network_id = n.id) p) AS parties,
                EXISTS (SELECT 1 FROM role_grants g
                         WHERE g.user_id = $2 AND g.network_id = n.id AND g.role = 'NETWORK_ADMIN') AS admin,
                (SELECT array_agg(g.space_id) FROM role_grants g JOIN memberships m ON m.space_id = g.space_id
                  WHERE g.user_id = $2 AND g.role = 'SPACE_OPERATOR' AND m.network_id = n.id) AS operated
           FROM networks n WHERE n.id = $1`,
      [networkId, user],
    );
    if (!row) return empty;
    return {
      network: row.network,
      caller: { networkAdmin: row.admin, operatedSpaceIds: row.operated ?? [] },
      parties: row.parties ?? [],
    };
  }
}
