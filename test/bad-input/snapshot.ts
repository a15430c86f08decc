import { Client } from 'pg';

const SCHEMAS = ['accounts', 'network', 'settlement'];

/**
 * A fingerprint of every table the subgraphs own: its row count and a hash of its rows. Counting alone
 * would miss an update (a pass revoked, a visit voided by a request that should have been refused).
 */
export async function tableSnapshot(client: Client): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1`,
    [SCHEMAS],
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS print FROM ${name} t`,
  );
  const { rows } = await client.query<{ name: string; print: string }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
