import { Injectable } from '@nestjs/common';
import { localDate } from '@passerelle/calendar';
import { PartyKind } from '@passerelle/contracts';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { findByIdsInOrder, isUuid } from '@passerelle/database';
import { BadUserInputError, NotFoundError, requestLoader } from '@passerelle/graphql';
import { VISIT_VOIDED } from '@passerelle/contracts';
import { appendToOutbox } from '@passerelle/outbox';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { allows, Permission, visitsScope } from '../access/permissions';
import { statementsOf, voidVisit } from '../check-ins/check-in-statements';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { SettlementPeriodsClient } from './settlement-periods.client';
import { visitEventPayload } from './visit-events';
import { VisitEntity } from './visit.entity';
import { VisitFilter } from './visit.model';
import { VisitAlreadyVoidedError } from './visits.errors';

export const MAX_PAGE = 200;

export interface VisitPage {
  edges: Array<{ cursor: string; node: VisitEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Cursors are opaque to clients: the position (occurred_at, id) of the last visit seen. */
function encodeCursor(visit: VisitEntity): string {
  return Buffer.from(`${visit.occurredAt.toISOString()}|${visit.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const occurredAt = new Date(at);
  if (!id || !isUuid(id) || Number.isNaN(occurredAt.getTime())) {
    throw new BadUserInputError('after', 'This cursor is not one this API gave out.');
  }
  return { occurredAt, id };
}

@Injectable()
export class VisitsService {
  constructor(
    @InjectRepository(VisitEntity, NETWORK_DATA_SOURCE) private readonly visits: Repository<VisitEntity>,
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settlement: SettlementPeriodsClient,
  ) {}

  /** Host space operators: the pass gets its units, day and seat back; settlement hears of it. */
  async void(visitId: string, reason: string): Promise<VisitEntity> {
    const visit = isUuid(visitId) ? await this.visits.findOneBy({ id: visitId }) : null;
    if (!visit) throw new NotFoundError('Visit', visitId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await voidVisit(statementsOf(manager), visit.id, reason))) throw new VisitAlreadyVoidedError();
      await appendToOutbox(manager, VISIT_VOIDED, [visitEventPayload(visit)]);
    });
    return this.visits.findOneByOrFail({ id: visit.id });
  }

  /**
   * Network admins see all of their network's visits; a space's operators see the visits it hosted
   * and those of the passes it sold. Anyone else sees none.
   */
  async list(filter: VisitFilter, first: number, after: string | undefined, context: object): Promise<VisitPage> {
    if (first < 1 || first > MAX_PAGE) throw new BadUserInputError('first', `first must be between 1 and ${MAX_PAGE}.`);
    const networkId = isUuid(filter.networkId) ? filter.networkId : '00000000-0000-0000-0000-000000000000';
    const query = this.visits.createQueryBuilder('v').where('v.network_id = :networkId', { networkId });
    const scope = visitsScope(await this.access.actor(context), filter.networkId);
    if ('deskOf' in scope) await this.restrictToDeskToday(query, scope.deskOf);
    else if (!scope.all) restrictToOperatedSpaces(query, scope.spaceIds);
    if (filter.spaceId)
      query.andWhere('v.space_id = :spaceId', { spaceId: isUuid(filter.spaceId) ? filter.spaceId : null });
    if (filter.month) await this.inPeriod(query, networkId, filter.month);
    if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
    return this.page(query, first, after);
  }

  ofPass(passId: string, first: number, after: string | undefined): Promise<VisitPage> {
    if (first < 1 || first > MAX_PAGE) throw new BadUserInputError('first', `first must be between 1 and ${MAX_PAGE}.`);
    return this.page(this.visits.createQueryBuilder('v').where('v.pass_id = :passId', { passId }), first, after);
  }

  load(context: object, id: string): Promise<VisitEntity | null> {
    return requestLoader(context, 'visit', (ids) => findByIdsInOrder(this.visits, ids)).load(id);
  }

  /** A visit as `_entities` shows it: only to those who may see it (SEE_VISIT), else nothing. */
  async visible(context: object, id: string): Promise<VisitEntity | null> {
    const [visit] = await this.visibleAmong(context, [id]);
    return visit ?? null;
  }

  /** Of these visits, those the caller may see, in the order asked (the others left out). */
  async visibleAmong(context: object, ids: readonly string[]): Promise<VisitEntity[]> {
    const visits = await Promise.all(ids.map((id) => (isUuid(id) ? this.load(context, id) : null)));
    const found = visits.filter((visit): visit is VisitEntity => visit !== null);
    const holders = await Promise.all(found.map((visit) => this.holderOf(context, visit.passId)));
    const actor = await this.access.actor(context);
    return found.filter((visit, i) => allows(actor, Permission.SEE_VISIT, { ...visit, holderId: holders[i] }));
  }

  private async holderOf(context: object, passId: string): Promise<string | null> {
    const holder = await requestLoader(context, 'passHolder', async (ids) => {
      const rows: Array<{ id: string; holder_id: string }> = await this.dataSource.query(
        'SELECT id, holder_id FROM passes WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row.holder_id]));
      return ids.map((id) => byId.get(id) ?? null);
    }).load(passId);
    return holder;
  }

  /** A desk: its own space's visits of the space's local today (the day a check-in there counts on). */
  private async restrictToDeskToday(query: SelectQueryBuilder<VisitEntity>, spaceId: string): Promise<void> {
    const [space]: Array<{ timezone: string }> = await this.dataSource.query(
      'SELECT timezone FROM spaces WHERE id = $1',
      [spaceId],
    );
    query
      .andWhere('v.space_id = :deskSpaceId', { deskSpaceId: spaceId })
      .andWhere('v.local_date = :today', { today: space ? localDate(new Date(), space.timezone) : null });
  }

  /**
   * The month filter is by period month, which settlement decides: a visit is in the period of its own
   * month unless it arrived after that month closed. Settlement names those few moved visits, so this
   * filters its own table (and keeps its keyset pages and count) without a list of the month's ids.
   */
  private async inPeriod(query: SelectQueryBuilder<VisitEntity>, networkId: string, month: string): Promise<void> {
    const { movedIn, movedOut } = await this.settlement.moved(networkId, month);
    query.andWhere(
      new Brackets((where) =>
        where
          .where('(v.network_month = :month AND v.id <> ALL(CAST(:movedOut AS uuid[])))')
          .orWhere('v.id = ANY(CAST(:movedIn AS uuid[]))'),
      ),
      { month, movedIn, movedOut },
    );
  }

  /** Newest first, keyset-paginated on (occurred_at, id), with the filter's total. */
  private async page(query: SelectQueryBuilder<VisitEntity>, first: number, after?: string): Promise<VisitPage> {
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(v.occurred_at, v.id) < (:cursorAt, :cursorId)', {
        cursorAt: cursor.occurredAt,
        cursorId: cursor.id,
      });
    }
    const rows = await query
      .orderBy('v.occurred_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .take(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }
}

/** Everyone but the network's admins: the visits their spaces hosted, and those of the passes they sold. */
function restrictToOperatedSpaces(query: SelectQueryBuilder<VisitEntity>, spaceIds: string[]): void {
  query.andWhere(
    new Brackets((where) =>
      where.where('v.space_id = ANY(:spaceIds)').orWhere('v.payer_kind = :spaceParty AND v.payer_id = ANY(:spaceIds)'),
    ),
    { spaceIds, spaceParty: PartyKind.SPACE },
  );
}
