import { dataSourceOptions } from '@passerelle/database';
import { cloneTestDatabase, TestDatabase } from '@passerelle/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeFigures, PeriodFigures } from '../apps/settlement/src/periods/period-figures';
import { settlementDatabase } from '../apps/settlement/src/settlement.database';

/**
 * Random months, many parties, random charges and negative adjustments, aggregated by the real SQL on
 * a real PostgreSQL: the properties every settled month must have, whatever its charges.
 */
type Kind = 'SPACE' | 'NETWORK' | 'ORGANIZATION';
interface Charge {
  host: number;
  payer: number;
  visits: 1 | -1;
  amountCents: number;
}

const MONTH = '2026-03';
let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await cloneTestDatabase();
  dataSource = new DataSource(dataSourceOptions(settlementDatabase(database.url, 2)));
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const month = fc
  .record({ spaces: fc.integer({ min: 2, max: 15 }), organizations: fc.integer({ min: 0, max: 4 }) })
  .chain(({ spaces, organizations }) =>
    fc.record({
      spaces: fc.constant(spaces),
      organizations: fc.constant(organizations),
      charges: fc.array(
        fc.record({
          host: fc.integer({ min: 0, max: spaces - 1 }),
          // Payers: any space, the network (index `spaces`) or an organization (after it).
          payer: fc.integer({ min: 0, max: spaces + organizations }),
          visits: fc.constantFrom<1 | -1>(1, 1, 1, -1),
          amountCents: fc.integer({ min: 1, max: 500_000 }),
        }),
        { minLength: 1, maxLength: 200 },
      ),
      mode: fc.constantFrom<'DIRECT' | 'CENTRAL'>('DIRECT', 'CENTRAL'),
    }),
  );

async function settle(spaceCount: number, organizationCount: number, charges: Charge[], mode: 'DIRECT' | 'CENTRAL') {
  const networkId = randomUUID();
  const parties: Array<{ kind: Kind; id: string }> = [
    ...Array.from({ length: spaceCount }, () => ({ kind: 'SPACE' as const, id: randomUUID() })),
    { kind: 'NETWORK', id: networkId },
    ...Array.from({ length: organizationCount }, () => ({ kind: 'ORGANIZATION' as const, id: randomUUID() })),
  ];
  const rows = charges
    .filter((c) => c.payer !== c.host)
    .map((c) => ({
      host: parties[c.host].id,
      payerKind: parties[c.payer].kind,
      payerId: parties[c.payer].id,
      visits: c.visits,
      // An adjustment refunds a visit: a negative amount.
      amount: c.visits * c.amountCents,
    }));
  await dataSource.query(
    `INSERT INTO charges (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
     SELECT $1, $2, gen_random_uuid(), r.host, r."payerKind", r."payerId", r.visits, r.amount
       FROM json_to_recordset($3::json) AS r(host uuid, "payerKind" text, "payerId" uuid, visits int, amount bigint)`,
    [networkId, MONTH, JSON.stringify(rows)],
  );
  const names = new Map(parties.map((p, i) => [`${p.kind}:${p.id}`, `Party ${String(i).padStart(3, '0')}`]));
  const figures = await computeFigures(dataSource.manager, {
    networkId,
    month: MONTH,
    currency: 'EUR',
    settlementMode: mode,
    names,
  });
  return { networkId, figures };
}

/** Each party's sums, the plain way: one SUM per side, straight over the charges. */
async function directSums(networkId: string) {
  const rows: Array<{ kind: Kind; id: string; side: 'host' | 'payer'; visits: number; amount: string }> =
    await dataSource.query(
      `SELECT 'SPACE' AS kind, host_space_id AS id, 'host' AS side, sum(visits)::int AS visits, sum(amount_cents)::text AS amount
         FROM charges WHERE network_id = $1 AND period_month = $2 GROUP BY host_space_id
       UNION ALL
       SELECT payer_kind, payer_id, 'payer', sum(visits)::int, sum(amount_cents)::text
         FROM charges WHERE network_id = $1 AND period_month = $2 GROUP BY payer_kind, payer_id`,
      [networkId, MONTH],
    );
  const [totals]: Array<{ visits: number; gross: string }> = await dataSource.query(
    `SELECT coalesce(sum(visits), 0)::int AS visits, coalesce(sum(amount_cents), 0)::text AS gross
       FROM charges WHERE network_id = $1 AND period_month = $2`,
    [networkId, MONTH],
  );
  return { rows, totals };
}

function checkTransfers(figures: PeriodFigures, networkId: string) {
  const nets = new Map(figures.statements.map((s) => [`${s.party.kind}:${s.party.id}`, BigInt(s.netCents)]));
  expect([...nets.values()].reduce((sum, net) => sum + net, 0n)).toBe(0n);
  const nonZero = [...nets.values()].filter((net) => net !== 0n).length;
  for (const transfer of figures.transfers) {
    expect(BigInt(transfer.amountCents) > 0n).toBe(true);
    const from = `${transfer.from.kind}:${transfer.from.id}`;
    const to = `${transfer.to.kind}:${transfer.to.id}`;
    nets.set(from, (nets.get(from) ?? 0n) + BigInt(transfer.amountCents));
    nets.set(to, (nets.get(to) ?? 0n) - BigInt(transfer.amountCents));
  }
  // Paying the transfers leaves every party at zero.
  expect([...nets.values()].every((net) => net === 0n)).toBe(true);
  if (figures.settlementMode === 'DIRECT') {
    expect(figures.transfers.length).toBeLessThanOrEqual(Math.max(nonZero - 1, 0));
  } else {
    for (const t of figures.transfers) expect([t.from.id, t.to.id]).toContain(networkId);
  }
}

describe('settled months (property)', () => {
  it('net to zero, settle every net, use at most k − 1 DIRECT transfers, and equal the plain SQL sums', async () => {
    await fc.assert(
      fc.asyncProperty(month, async ({ spaces, organizations, charges, mode }) => {
        const { networkId, figures } = await settle(spaces, organizations, charges, mode);
        checkTransfers(figures, networkId);

        const { rows, totals } = await directSums(networkId);
        expect(figures.visitCount).toBe(totals.visits);
        expect(figures.grossCents).toBe(totals.gross);
        const statements = new Map(figures.statements.map((s) => [`${s.party.kind}:${s.party.id}`, s]));
        for (const row of rows) {
          const statement = statements.get(`${row.kind}:${row.id}`);
          const [visits, cents] =
            row.side === 'host' ? ['hostedVisits', 'receivableCents'] : ['paidVisits', 'payableCents'];
          if (statement) {
            expect(statement[visits as 'hostedVisits']).toBe(row.visits);
            expect(statement[cents as 'receivableCents']).toBe(row.amount);
          } else {
            // Only a party whose every pair cancels out has no statement.
            expect({ visits: row.visits, amount: row.amount }).toEqual({ visits: 0, amount: '0' });
          }
        }
        const names = figures.statements.map((s) => s.party.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
      }),
      { numRuns: 40 },
    );
  });
});
