import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.database';

/**
 * Who may see whose email, besides the person themself (accounts decides that part): the operators
 * of the space that pays for one of their passes, and the admins of a network where they hold one
 * (which covers passes paid by the network or by an organization). Host spaces see names only.
 */
@Injectable()
export class EmailVisibilityService {
  constructor(@InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The users among `userIds` whose email `viewerId` may see, from the role grants as they are now. */
  async visibleTo(viewerId: string, userIds: string[]): Promise<string[]> {
    const ids = userIds.filter(isUuid);
    if (!isUuid(viewerId) || ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT p.holder_id AS id
         FROM passes p
         JOIN role_grants g ON g.user_id = $1
          AND ((g.role = 'NETWORK_ADMIN' AND g.network_id = p.network_id)
            OR (g.role = 'SPACE_OPERATOR' AND p.payer_kind = 'SPACE' AND g.space_id = p.payer_id))
        WHERE p.holder_id = ANY($2::uuid[])`,
      [viewerId, ids],
    );
    return rows.map((row) => row.id);
  }
}
