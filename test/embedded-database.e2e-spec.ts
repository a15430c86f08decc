import { dataOf, postGraphQL } from '@passerelle/testing';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { gatewayUrlIn, health, launch, Launcher, postmaster, until } from './support/launcher';

const LOG_IN = `mutation { logIn(input: { email: "nina@toulouse.demo", password: "passerelle-demo" }) { accessToken } }`;
const MY_QR = '{ myPasses { qr { token } } }';

/** Asks for Nina's QR code: the network's signing key is made (and stored) on first use. */
async function ninaQr(url: string): Promise<string> {
  const token = dataOf(await postGraphQL<{ logIn: { accessToken: string } }>(url, LOG_IN)).logIn.accessToken;
  const passes = dataOf(await postGraphQL<{ myPasses: Array<{ qr: { token: string } }> }>(url, MY_QR, {}, token));
  return passes.myPasses[0].qr.token;
}

describe('npm start: the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-embedded-'));
  const clusterDir = join(dataDir, 'postgres');
  let launcher: Launcher;
  let url: string;
  let superuser: Client;

  beforeAll(async () => {
    launcher = launch({ DATA_DIR: dataDir, PORT: '0' });
    url = gatewayUrlIn(await launcher.waitFor(/Ready in [\d.]+ s/));
    await ninaQr(url);
    const password = readFileSync(join(dataDir, 'keys', 'postgres-password'), 'utf8').trim();
    const { port } = postmaster(clusterDir);
    superuser = new Client({ host: '127.0.0.1', port, user: 'passerelle', password, database: 'passerelle' });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser?.end().catch(() => undefined);
    if (launcher.child.exitCode === null) launcher.child.kill('SIGTERM');
    await launcher.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a random superuser password, kept in DATA_DIR for this user alone', () => {
    const file = join(dataDir, 'keys', 'postgres-password');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(file, 'utf8').trim()).not.toBe('passerelle');
    expect(readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(24);
  });

  it('listens on a socket in a directory only the server user may enter', () => {
    const { socketDir } = postmaster(clusterDir);
    const stat = statSync(socketDir);
    expect((stat.mode & 0o777).toString(8)).toBe('700');
    // The cluster belongs to the user the server runs as (`postgres` when started as root).
    expect(stat.uid).toBe(statSync(clusterDir).uid);
  });

  it('serves each subgraph as a role that is no superuser and cannot touch another schema', async () => {
    const { rows } = await superuser.query<{ app: string; role: string; superuser: boolean }>(
      `SELECT DISTINCT a.application_name AS app, r.rolname AS role, r.rolsuper AS superuser
         FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
        WHERE a.application_name IN ('passerelle-accounts', 'passerelle-network', 'passerelle-settlement')`,
    );
    expect(rows.map((row) => row.app).sort()).toEqual([
      'passerelle-accounts',
      'passerelle-network',
      'passerelle-settlement',
    ]);
    expect(rows.filter((row) => row.superuser)).toEqual([]);
    expect(new Set(rows.map((row) => row.role)).size).toBe(3);
    const accountsRole = rows.find((row) => row.app === 'passerelle-accounts')!.role;
    await superuser.query(`SET ROLE "${accountsRole}"`);
    try {
      await expect(superuser.query('SELECT count(*) FROM network.network_keys')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(superuser.query('SELECT count(*) FROM settlement.charges')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(superuser.query('SELECT count(*) FROM accounts.users')).resolves.toBeTruthy();
    } finally {
      await superuser.query('RESET ROLE');
    }
  });

  it('stores the networks QR signing keys sealed, never as plain PEM', async () => {
    const { rows } = await superuser.query<{ sealed: string }>(
      'SELECT sealed_private_key AS sealed FROM network.network_keys',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { sealed } of rows) {
      expect(sealed).not.toMatch(/^plain:/);
      expect(sealed).not.toContain('PRIVATE KEY');
    }
  });

  it('restarts PostgreSQL when it is killed, /health saying the database is down meanwhile', async () => {
    await superuser.end();
    const killed = postmaster(clusterDir).pid;
    process.kill(killed, 'SIGKILL');
    await until('/health says the database is down', async () => (await health(url)).database === 'down');
    expect(await health(url)).toEqual({ status: 503, database: 'down' });
    await until('/health says the database is back', async () => (await health(url)).status === 200);
    expect(postmaster(clusterDir).pid).not.toBe(killed);
    expect(await ninaQr(url)).toEqual(expect.any(String));
    expect(launcher.output()).toMatch(/PostgreSQL stopped \(killed by SIGKILL\): restarting it/);
  });

  it('stops with one sentence when PostgreSQL cannot be brought back', async () => {
    // A cluster without its version file cannot start again; the running server never reads it.
    unlinkSync(join(clusterDir, 'PG_VERSION'));
    process.kill(postmaster(clusterDir).pid, 'SIGKILL');
    await until('/health says the database is down', async () => (await health(url)).database === 'down');
    expect(await launcher.exited).toBe(1);
    expect(launcher.output()).toMatch(
      /PostgreSQL stopped \(killed by SIGKILL, and it would not start again\), so Passerelle stops too\./,
    );
  });
});

describe('npm start in production', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-production-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without a QR key encryption secret, saying so in one sentence', async () => {
    const launcher = launch({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', QR_KEY_ENCRYPTION_SECRET: '' });
    const ready = launcher.waitFor(/Ready in/).then(() => launcher.child.kill('SIGTERM'));
    expect(await launcher.exited).toBe(1);
    await ready.catch(() => undefined);
    expect(launcher.output()).toMatch(/QR_KEY_ENCRYPTION_SECRET: required when NODE_ENV=production/);
    expect(launcher.output()).not.toMatch(/Starting PostgreSQL/);
  });
});
