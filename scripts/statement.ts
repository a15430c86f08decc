/**
 * A month's settlement for an operator who does not use GraphQL: the statements and the transfers as
 * tables, and optionally the statements as a CSV file for a spreadsheet.
 *   npm run statement -- --network toulouse --month 2026-10 [--csv october.csv] [--email you@example.org]
 * Logs in with --email (or PASSERELLE_EMAIL) and PASSERELLE_PASSWORD, or asks for the password. The
 * gateway is --url, PASSERELLE_URL, or http://127.0.0.1:4000/graphql. Exits 0, or 1 with one sentence.
 */
import { GraphQLResponse, postGraphQL } from '@passerelle/graphql/client';
import Table from 'cli-table3';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const NETWORK = `query Network($slug: String!) { network(slug: $slug) { id name currency } }`;
const PERIOD = `query Period($networkId: ID!, $month: String!) {
  period(networkId: $networkId, month: $month) {
    month status closedAt visitCount grossCents
    statements { party { kind name } hostedVisits receivableCents paidVisits payableCents netCents }
    transfers { from { name } to { name } amountCents }
    csv
  }
}`;

interface PeriodView {
  month: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  visitCount: number;
  grossCents: number;
  statements: Array<{
    party: { kind: string; name: string };
    hostedVisits: number;
    receivableCents: number;
    paidVisits: number;
    payableCents: number;
    netCents: number;
  }>;
  transfers: Array<{ from: { name: string }; to: { name: string }; amountCents: number }>;
  csv: string;
}

export interface StatementOptions {
  url: string;
  network: string;
  month: string;
  email: string;
  password: string;
  csv?: string;
}

class StatementError extends Error {}

/** What a failed call means, in one sentence. */
function dataOrExplain<T>(response: GraphQLResponse<T>, doing: string): T {
  const error = response.errors?.[0];
  if (error || !response.data) throw new StatementError(`${doing} failed: ${error?.message ?? 'no answer'}`);
  return response.data;
}

/** Fetches the period and renders it; returns the text to print (and writes the CSV when asked). */
export async function renderStatement(options: StatementOptions): Promise<string> {
  const { logIn } = dataOrExplain(
    await postGraphQL<{ logIn: { accessToken: string } }>(options.url, LOG_IN, {
      input: { email: options.email, password: options.password },
    }),
    'Logging in',
  );
  const token = logIn.accessToken;
  const { network } = dataOrExplain(
    await postGraphQL<{ network: { id: string; name: string; currency: string } | null }>(
      options.url,
      NETWORK,
      { slug: options.network },
      token,
    ),
    'Finding the network',
  );
  if (!network) throw new StatementError(`There is no network "${options.network}".`);
  const { period } = dataOrExplain(
    await postGraphQL<{ period: PeriodView }>(
      options.url,
      PERIOD,
      { networkId: network.id, month: options.month },
      token,
    ),
    `Reading ${options.month}`,
  );

  const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: network.currency });
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = (cents: number) => money.format(cents / 10 ** digits);
  const state =
    period.status === 'CLOSED'
      ? `closed on ${new Date(period.closedAt!).toISOString().slice(0, 10)}`
      : 'open: figures may still change';
  const lines = [
    `${network.name} — ${period.month} (${state})`,
    `${period.visitCount} charged visits, ${amount(period.grossCents)} in all.`,
    '',
  ];

  const statements = new Table({
    head: ['Party', 'Kind', 'Hosted', 'Receivable', 'Paid for', 'Payable', 'Net'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const s of period.statements) {
    statements.push([
      s.party.name,
      s.party.kind.toLowerCase(),
      s.hostedVisits,
      amount(s.receivableCents),
      s.paidVisits,
      amount(s.payableCents),
      amount(s.netCents),
    ]);
  }
  lines.push('Statements', period.statements.length ? statements.toString() : '  Nothing to settle this month.', '');

  const transfers = new Table({
    head: ['Pays', 'To', 'Amount'],
    colAligns: ['left', 'left', 'right'],
    style: { head: [], border: [] },
  });
  for (const t of period.transfers) transfers.push([t.from.name, t.to.name, amount(t.amountCents)]);
  lines.push(
    'Transfers that settle the month',
    period.transfers.length ? transfers.toString() : '  No transfer is needed.',
  );

  if (options.csv) {
    writeFileSync(options.csv, period.csv);
    lines.push('', `Statements written to ${options.csv} (CSV, one row per party).`);
  }
  return lines.join('\n');
}

/** Reads a password without echoing it. */
function askPassword(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const mutable = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stdout.write(prompt);
    mutable._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      network: { type: 'string' },
      month: { type: 'string' },
      csv: { type: 'string' },
      email: { type: 'string' },
      url: { type: 'string' },
    },
    strict: true,
  });
  const email = values.email ?? process.env.PASSERELLE_EMAIL;
  const missing = [!values.network && '--network <slug>', !values.month && '--month YYYY-MM', !email && '--email']
    .filter(Boolean)
    .join(', ');
  if (missing) {
    console.error(
      `Missing ${missing}.\nusage: npm run statement -- --network <slug> --month YYYY-MM [--csv FILE] --email <you>`,
    );
    return 2;
  }
  // Only a terminal can be asked for a password without echoing it; a pipe or a script says it in the environment.
  if (process.env.PASSERELLE_PASSWORD === undefined && !process.stdin.isTTY) {
    console.error(
      'No terminal to ask the password on: give it in PASSERELLE_PASSWORD instead ' +
        '(PASSERELLE_PASSWORD=… npm run statement -- …).',
    );
    return 2;
  }
  const password = process.env.PASSERELLE_PASSWORD ?? (await askPassword(`Password for ${email}: `));
  try {
    console.log(
      await renderStatement({
        url: values.url ?? process.env.PASSERELLE_URL ?? 'http://127.0.0.1:4000/graphql',
        network: values.network!,
        month: values.month!,
        email: email!,
        password,
        csv: values.csv,
      }),
    );
    return 0;
  } catch (error) {
    const reason =
      error instanceof StatementError ? error.message : `Cannot reach Passerelle: ${(error as Error).message}`;
    console.error(reason);
    return 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
