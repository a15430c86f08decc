import type { EntityManager } from 'typeorm';
import { centralTransfers, directTransfers, PartyKey, PartyNet } from './transfers';

export type PartyKind = PartyKey['kind'];
export interface NamedParty extends PartyKey {
  name: string;
}

/** Amounts are strings of integer cents: they are bigint in PostgreSQL and in JSON they stay exact. */
export interface StatementFigure {
  party: NamedParty;
  hostedVisits: number;
  receivableCents: string;
  paidVisits: number;
  payableCents: string;
  netCents: string;
}

export interface ObligationFigure {
  payer: NamedParty;
  payee: NamedParty;
  visits: number;
  amountCents: string;
}

export interface TransferFigure {
  from: NamedParty;
  to: NamedParty;
  amountCents: string;
}

/** A period's figures, computed live from its charges or read back frozen once it closed. */
export interface PeriodFigures {
  currency: string;
  settlementMode: 'DIRECT' | 'CENTRAL';
  visitCount: number;
  grossCents: string;
  statements: StatementFigure[];
  obligations: ObligationFigure[];
  transfers: TransferFigure[];
}

export interface FigureSettings {
  networkId: string;
  month: string;
  currency: string;
  settlementMode: 'DIRECT' | 'CENTRAL';
  /** Current names by `<kind>:<id>`; settlement owns none of them. */
  names: Map<string, string>;
}

// One collator for every comparison: `localeCompare` with a locale builds a new one on each call.
const collator = new Intl.Collator('fr');

type Row =
  | { row: 'obligation'; payer_kind: PartyKind; payer_id: string; host_id: string; visits: number; amount: string }
  | {
      row: 'statement';
      payer_kind: PartyKind;
      payer_id: string;
      hosted: number;
      receivable: string;
      paid: number;
      payable: string;
    };

/**
 * One scan of the period's charges, grouped by PostgreSQL: the obligations (payer, host) and, from
 * them, each party's statement. Node only names, sorts and nets the few resulting rows.
 */
export async function computeFigures(manager: EntityManager, settings: FigureSettings): Promise<PeriodFigures> {
  const rows: Row[] = await manager.query(
    `WITH obligations AS MATERIALIZED (
       SELECT payer_kind, payer_id, host_space_id AS host_id, sum(visits)::int AS visits, sum(amount_cents) AS amount
         FROM charges
        WHERE network_id = $1 AND period_month = $2
        GROUP BY payer_kind, payer_id, host_space_id
       HAVING sum(visits) <> 0 OR sum(amount_cents) <> 0)
     SELECT 'obligation' AS row, payer_kind, payer_id, host_id, visits, amount::text AS amount,
            NULL::int AS hosted, NULL AS receivable, NULL::int AS paid, NULL AS payable
       FROM obligations
     UNION ALL
     SELECT 'statement', kind, id, NULL, NULL, NULL,
            sum(hosted)::int, sum(receivable)::text, sum(paid)::int, sum(payable)::text
       FROM (SELECT 'SPACE' AS kind, host_id AS id, visits AS hosted, amount AS receivable, 0 AS paid, 0 AS payable
               FROM obligations
             UNION ALL
             SELECT payer_kind, payer_id, 0, 0, visits, amount FROM obligations) AS sides
      GROUP BY kind, id`,
    [settings.networkId, settings.month],
  );
  const name = (kind: PartyKind, id: string): NamedParty => ({
    kind,
    id,
    name: settings.names.get(`${kind}:${id}`) ?? 'Unknown party',
  });
  const byName = (a: NamedParty, b: NamedParty) =>
    collator.compare(a.name, b.name) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);

  const statements: StatementFigure[] = [];
  const obligations: ObligationFigure[] = [];
  for (const row of rows) {
    if (row.row === 'obligation') {
      obligations.push({
        payer: name(row.payer_kind, row.payer_id),
        payee: name('SPACE', row.host_id),
        visits: row.visits,
        amountCents: row.amount,
      });
    } else {
      statements.push({
        party: name(row.payer_kind, row.payer_id),
        hostedVisits: row.hosted,
        receivableCents: row.receivable,
        paidVisits: row.paid,
        payableCents: row.payable,
        netCents: (BigInt(row.receivable) - BigInt(row.payable)).toString(),
      });
    }
  }
  statements.sort((a, b) => byName(a.party, b.party));
  obligations.sort((a, b) => byName(a.payer, b.payer) || byName(a.payee, b.payee));

  const nets: PartyNet[] = statements.map((s) => ({ party: s.party, netCents: BigInt(s.netCents) }));
  const network = name('NETWORK', settings.networkId);
  const transfers = (
    settings.settlementMode === 'CENTRAL' ? centralTransfers(nets, network) : directTransfers(nets)
  ).map((t) => ({ from: t.from as NamedParty, to: t.to as NamedParty, amountCents: t.amountCents.toString() }));

  return {
    currency: settings.currency,
    settlementMode: settings.settlementMode,
    visitCount: obligations.reduce((sum, o) => sum + o.visits, 0),
    grossCents: obligations.reduce((sum, o) => sum + BigInt(o.amountCents), 0n).toString(),
    statements,
    obligations,
    transfers,
  };
}
