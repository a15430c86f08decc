import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { isMonth, localMonth } from '@passerelle/calendar';
import { BadUserInputError } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { NetworkDirectory, NetworkDirectoryClient, partyNames } from '../network-directory/network-directory.client';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.data-source';
import { VisitStreamConsumer } from '../visit-stream/visit-stream.consumer';
import { ClosedPeriodEntity } from './closed-period.entity';
import { computeFigures, NamedParty, PeriodFigures } from './period-figures';
import { Period, PeriodStatus } from './period.model';
import { PeriodNotPermittedError } from './periods.errors';

/** Which parties' lines the caller may see: all of them, or only those of the spaces they operate. */
type Scope = { all: true } | { all: false; spaceIds: Set<string> };

@Injectable()
export class PeriodsService {
  constructor(
    @InjectDataSource(SETTLEMENT_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly directory: NetworkDirectoryClient,
    private readonly stream: VisitStreamConsumer,
  ) {}

  /**
   * Live figures while OPEN (after reading the visit stream up to now, or as far as it could in a
   * moment), the frozen ones once CLOSED.
   */
  async period(networkId: string, month: string, caller: Caller): Promise<Period> {
    requireMonth(month);
    const directory = await this.directory.lookup(networkId, caller);
    const scope = scopeOf(directory);
    const closed = await this.dataSource.getRepository(ClosedPeriodEntity).findOneBy({ networkId, month });
    if (closed) return view(closed.figures, directory, month, closed, scope);
    await this.stream.catchUpForRead();
    const figures = await computeFigures(this.dataSource.manager, settingsOf(directory, month));
    return view(figures, directory, month, null, scope);
  }

  /**
   * Freezes a month that is over. First every visit event committed until now is recorded; then, with
   * the stream held still, the figures are computed and stored in one transaction. Closing again
   * answers the same frozen period.
   */
  async close(networkId: string, month: string, caller: Caller): Promise<Period> {
    requireMonth(month);
    const directory = await this.directory.lookup(networkId, caller);
    const userId = requireUser(caller);
    if (!directory.caller.networkAdmin) throw new PeriodNotPermittedError('ADMINISTER_NETWORK');
    const repository = this.dataSource.getRepository(ClosedPeriodEntity);
    let closed = await repository.findOneBy({ networkId, month });
    if (!closed) {
      const { timezone } = directory.network;
      if (month >= localMonth(new Date(), timezone)) {
        throw new BadUserInputError(
          'month',
          `${month} is not over yet in ${timezone}: it can be closed once it has ended.`,
        );
      }
      await this.stream.catchUp();
      // The stream held still: no batch can land a charge while the figures are taken and stored.
      await this.stream.whileHeld(async (manager) => {
        const figures = await computeFigures(manager, settingsOf(directory, month));
        await manager.query(
          `INSERT INTO closed_periods (network_id, month, closed_at, closed_by, figures)
           VALUES ($1, $2, now(), $3, $4) ON CONFLICT DO NOTHING`,
          [networkId, month, userId, JSON.stringify(figures)],
        );
      });
      closed = await repository.findOneByOrFail({ networkId, month });
    }
    return view(closed.figures, directory, month, closed, scopeOf(directory));
  }
}

function requireMonth(month: string): void {
  if (!isMonth(month)) throw new BadUserInputError('month', 'month must be YYYY-MM, e.g. 2026-03.');
}

function settingsOf(directory: NetworkDirectory, month: string) {
  return {
    networkId: directory.network.id,
    month,
    currency: directory.network.currency,
    settlementMode: directory.network.settlementMode,
    names: partyNames(directory),
  };
}

function scopeOf(directory: NetworkDirectory): Scope {
  if (!directory.caller.mayReadPeriods) {
    throw new PeriodNotPermittedError('READ_PERIOD');
  }
  if (directory.caller.networkAdmin) return { all: true };
  return { all: false, spaceIds: new Set(directory.caller.operatedSpaceIds) };
}

/** The period as this caller may see it: totals for everyone, the lines of their own spaces only. */
function view(
  figures: PeriodFigures,
  directory: NetworkDirectory,
  month: string,
  closed: ClosedPeriodEntity | null,
  scope: Scope,
): Period {
  const mine = (party: NamedParty) => scope.all || (party.kind === 'SPACE' && scope.spaceIds.has(party.id));
  return {
    network: { id: directory.network.id },
    month,
    status: closed ? PeriodStatus.CLOSED : PeriodStatus.OPEN,
    closedAt: closed?.closedAt ?? null,
    visitCount: figures.visitCount,
    grossCents: figures.grossCents,
    statements: figures.statements.filter((s) => mine(s.party)),
    obligations: figures.obligations.filter((o) => mine(o.payer) || mine(o.payee)),
    transfers: figures.transfers.filter((t) => mine(t.from) || mine(t.to)),
    currency: figures.currency,
  } as Period;
}
