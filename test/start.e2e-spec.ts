import { dataOf, postGraphQL } from '@passerelle/testing';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { KeyEncryption } from '../apps/network/src/credentials/key-encryption';
import { LOG_IN } from './support/documents';
import { gatewayUrlIn, health, launch, Launcher, postmaster, until } from './support/launcher';
import { checkIn, createProduct, issuePass, newKey, passAs, seedNetwork, tryCheckIn, visits } from './support/passes';
import { runReadmeExamples } from './support/readme';
import type { GatewayClient } from './support/shared-stack';

// Each `npm start` starts PostgreSQL and the servers, the first seeds the demo: slow on a busy machine.
jest.setTimeout(180_000);

const DEMO_LOGIN = { email: 'nina@toulouse.demo', password: 'passerelle-demo' };
const MY_QR = '{ myPasses { qr { token } } }';

/** The pass and check-in builders need only a GraphQL client: here, the launcher's gateway. */
const through = (url: string): GatewayClient => ({
  gql: (query, variables, token) => postGraphQL(url, query, variables, token),
});

const superuserPassword = (dataDir: string) => readFileSync(join(dataDir, 'keys', 'postgres-password'), 'utf8').trim();

async function connectAsSuperuser(dataDir: string, password = superuserPassword(dataDir)): Promise<Client> {
  const { port } = postmaster(join(dataDir, 'postgres'));
  const client = new Client({ host: '127.0.0.1', port, user: 'passerelle', password, database: 'passerelle' });
  await client.connect();
  return client;
}

async function logIn(url: string, input: { email: string; password: string }): Promise<string> {
  return dataOf(await postGraphQL<{ logIn: { accessToken: string } }>(url, LOG_IN, { input })).logIn.accessToken;
}

/** Asks for Nina's QR code: the network's signing key is made (and stored) on first use. */
async function ninaQr(url: string): Promise<string> {
  const token = await logIn(url, DEMO_LOGIN);
  const passes = dataOf(await postGraphQL<{ myPasses: Array<{ qr: { token: string } }> }>(url, MY_QR, {}, token));
  return passes.myPasses[0].qr.token;
}

/**
 * `npm start` as a new user runs it, one start after another on the same DATA_DIR (each test goes on
 * from where the one before left it): its own PostgreSQL, the demo, the README's examples pasted into
 * a shell as written, the database killed under it, a clean stop, and a restart on the same data.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  const clusterDir = join(dataDir, 'postgres');
  let launcher: Launcher;
  let url: string;

  beforeAll(async () => {
    // Port 0: the system picks free ports as each server listens, so parallel test files never collide.
    launcher = launch({ DATA_DIR: dataDir, PORT: '0' });
    url = gatewayUrlIn(await launcher.waitFor(/Ready in [\d.]+ s/));
  });
  afterAll(async () => {
    if (launcher.child.exitCode === null) launcher.child.kill('SIGTERM');
    await launcher.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty machine with a demo, and says where each page is and whom to log in as', async () => {
    expect(launcher.output()).toMatch(/Created a new database/);
    expect(launcher.output()).toMatch(/admin@toulouse\.demo\s+passerelle-demo/);
    const origin = new URL(url).origin;
    expect(launcher.output()).toContain(`${origin}/wallet/`);
    expect(launcher.output()).toMatch(new RegExp(`${origin}/console/.*admin@toulouse\\.demo`));
    expect((await health(url)).status).toBe(200);
  });

  it('runs the README examples as written against its demo', async () => {
    for (const { block, output } of await runReadmeExamples(launcher.output()))
      expect({ line: block.line, output }).toEqual({
        line: block.line,
        output: expect.stringContaining(block.prints!),
      });
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
    const superuser = await connectAsSuperuser(dataDir);
    try {
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
      await expect(superuser.query('SELECT count(*) FROM network.network_keys')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(superuser.query('SELECT count(*) FROM settlement.charges')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(superuser.query('SELECT count(*) FROM accounts.users')).resolves.toBeTruthy();
    } finally {
      await superuser.end();
    }
  });

  it('stores the networks QR signing keys sealed, never as plain PEM', async () => {
    await ninaQr(url);
    const superuser = await connectAsSuperuser(dataDir);
    try {
      const { rows } = await superuser.query<{ sealed: string }>(
        'SELECT sealed_private_key AS sealed FROM network.network_keys',
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const { sealed } of rows) {
        expect(sealed).not.toMatch(/^plain:/);
        expect(sealed).not.toContain('PRIVATE KEY');
      }
    } finally {
      await superuser.end();
    }
  });

  it('restarts a PostgreSQL killed during parallel check-ins, and every key retried gives one visit', async () => {
    const client = through(url);
    const seeded = await seedNetwork(client, { spaces: [{}, { nomadSeats: 100 }] });
    const [seller, host] = seeded.spaces;
    const product = await createProduct(client, seeded.admin.token, seeded.network.id);
    const passes = await Promise.all(
      Array.from({ length: 30 }, () =>
        issuePass(client, seller.operator.token, { productId: product.id, issuingSpaceId: seller.id }),
      ),
    );
    const scans = passes.map((pass) => ({ spaceId: host.id, credential: pass.serial, idempotencyKey: newKey() }));

    const killed = postmaster(clusterDir).pid;
    const first = scans.map((scan) => tryCheckIn(client, host.scanner, scan));
    // Once one scan is answered, the others are on their way: the server dies under them.
    await Promise.race(first);
    process.kill(killed, 'SIGKILL');
    const firstAnswers = await Promise.all(first);
    expect(firstAnswers.filter((answer) => answer.errors?.length).length).toBeGreaterThan(0);
    await until('/health says the database is down', async () => (await health(url)).database === 'down');
    expect(await health(url)).toEqual({ status: 503, database: 'down' });

    await until('/health says the database is back', async () => (await health(url)).status === 200);
    expect(postmaster(clusterDir).pid).not.toBe(killed);
    expect(launcher.output()).toMatch(/PostgreSQL stopped \(killed by SIGKILL\): restarting it/);
    const retried = await Promise.all(scans.map((scan) => checkIn(client, host.scanner, scan)));
    expect(retried.map((result) => result.status)).toEqual(scans.map(() => 'ACCEPTED'));
    expect(new Set(retried.map((result) => result.visit!.id)).size).toBe(scans.length);
    const filter = { networkId: seeded.network.id, spaceId: host.id };
    expect((await visits(client, seeded.admin.token, filter)).totalCount).toBe(scans.length);
    const left = await Promise.all(passes.map((pass) => passAs(client, seeded.admin.token, pass.id)));
    expect(left.map((pass) => pass!.remainingUnits)).toEqual(passes.map((pass) => pass.remainingUnits! - 1));
  });

  it('stops cleanly, and starts again on the same data, bringing what an earlier version left up to date', async () => {
    // What an earlier version left: the superuser's password "passerelle", no password file, the
    // network schema owned by the superuser, and QR signing keys stored unsealed.
    const secret = readFileSync(join(dataDir, 'keys', 'qr-key-encryption.secret'), 'utf8').trim();
    const old = await connectAsSuperuser(dataDir);
    try {
      await old.query(`ALTER ROLE passerelle PASSWORD 'passerelle'`);
      const keys = await old.query<{ kid: string; sealed: string }>(
        'SELECT kid, sealed_private_key AS sealed FROM network.network_keys',
      );
      for (const { kid, sealed } of keys.rows) {
        const plain = `plain:${new KeyEncryption(secret).open(sealed)}`;
        await old.query('UPDATE network.network_keys SET sealed_private_key = $1 WHERE kid = $2', [plain, kid]);
      }
      await old.query('REASSIGN OWNED BY passerelle_network TO passerelle');
    } finally {
      await old.end();
    }
    launcher.child.kill('SIGTERM');
    // With the output, so that a failed stop says why.
    expect({ exitCode: await launcher.exited, output: launcher.output() }).toMatchObject({ exitCode: 0 });
    expect(launcher.output()).toMatch(/Stopped\./);
    unlinkSync(join(dataDir, 'keys', 'postgres-password'));

    launcher = launch({ DATA_DIR: dataDir, PORT: '0' });
    url = gatewayUrlIn(await launcher.waitFor(/Ready in [\d.]+ s/));
    expect(launcher.output()).toMatch(/Reusing the existing database/);
    expect(launcher.output()).not.toMatch(/Seeding/);
    expect(await logIn(url, { email: 'admin@toulouse.demo', password: 'passerelle-demo' })).toEqual(expect.any(String));
    expect(superuserPassword(dataDir)).not.toBe('passerelle');
    expect((statSync(join(dataDir, 'keys', 'postgres-password')).mode & 0o777).toString(8)).toBe('600');
    await expect(connectAsSuperuser(dataDir, 'passerelle')).rejects.toMatchObject({ code: '28P01' });
    const now = await connectAsSuperuser(dataDir);
    try {
      const owners = await now.query<{ owner: string }>(
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'network'`,
      );
      expect(owners.rows).toEqual([{ owner: 'passerelle_network' }]);
      const keys = await now.query<{ sealed: string }>('SELECT sealed_private_key AS sealed FROM network.network_keys');
      expect(keys.rows.length).toBeGreaterThan(0);
      for (const { sealed } of keys.rows) expect(sealed).not.toMatch(/^plain:/);
    } finally {
      await now.end();
    }
    // The re-sealed key still signs: Nina's code is made with it.
    expect(await ninaQr(url)).toEqual(expect.any(String));
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
