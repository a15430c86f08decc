import { cloneTestDatabase, dataOf, TestDatabase } from '@passerelle/testing';
import { createServer as createNetServer, AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { SIGN_UP } from './support/documents';
import { until } from './support/launcher';
import { PASSWORD, unique } from './support/passes';
import { startTestStack, TestStack } from './support/stack';

/** A real SMTP server, started by the test: it can refuse for a while, or hold a message mid-send. */
class TestSmtp {
  readonly received: Array<{ to: string; raw: string }> = [];
  refusals = 0;
  down = false;
  /** While set, a message's DATA waits for it before the server accepts it. */
  hold?: Promise<void>;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      if (!this.down) return callback();
      this.refusals += 1;
      callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (this.hold ?? Promise.resolve()).then(() => {
          for (const rcpt of session.envelope.rcptTo) {
            this.received.push({ to: rcpt.address, raw: Buffer.concat(chunks).toString('utf8') });
          }
          callback();
        });
      });
    },
  });

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(email: string) {
    return this.received.filter((message) => message.to === email);
  }
}

/** A port nobody listens on (an SMTP server that is down). */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const FAST = { pollIntervalMs: 30, retryMs: 30, maxRetryMs: 120 };

describe('mail over SMTP', () => {
  const signUp = (stack: TestStack, email: string) =>
    stack.gql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Ana' } }).then(dataOf);

  async function rowOf(databaseUrl: string, email: string) {
    const db = new Client(databaseUrl);
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT sent_at, attempts, last_error FROM accounts.mail_messages WHERE recipient = $1`,
        [email],
      );
      return rows as Array<{ sent_at: Date | null; attempts: number; last_error: string | null }>;
    } finally {
      await db.end();
    }
  }

  /** Exactly one copy arrived: once it is marked sent, a later mail arrives and still there is one. */
  async function expectOnce(stack: TestStack, smtp: TestSmtp, email: string) {
    await until(
      `${email}'s mail is marked sent`,
      async () => (await rowOf(stack.databaseUrl, email))[0]?.sent_at !== null,
    );
    const later = `${unique('later')}@example.org`;
    await signUp(stack, later);
    await until('a later mail arrives', async () => smtp.to(later).length === 1);
    expect(smtp.to(email)).toHaveLength(1);
  }

  it('keeps a mail while the SMTP server refuses it, and sends it once when it accepts again', async () => {
    const smtp = new TestSmtp();
    smtp.down = true;
    const stack = await startTestStack({
      mail: { url: await smtp.start(), from: 'Passerelle <test@example.org>', ...FAST },
    });
    try {
      const email = `${unique('down')}@example.org`;
      await signUp(stack, email);
      await until('the server refused it twice', async () => smtp.refusals >= 2);
      const [queued] = await rowOf(stack.databaseUrl, email);
      expect(queued).toMatchObject({ sent_at: null, last_error: expect.stringContaining('Try again later') });

      smtp.down = false;
      await until('the mail arrives', async () => smtp.to(email).length > 0);
      const message = smtp.to(email)[0].raw;
      expect(message).toContain('Subject: Confirmez votre adresse');
      expect(message).toContain('From: Passerelle <test@example.org>');
      await expectOnce(stack, smtp, email);
    } finally {
      await stack.close();
      await smtp.stop();
    }
  });

  describe('across a restart', () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await cloneTestDatabase();
    });
    afterEach(() => database.drop());

    it('sends once a mail queued before the restart and not yet sent', async () => {
      const before = await startTestStack(
        { mail: { url: `smtp://127.0.0.1:${await closedPort()}`, ...FAST } },
        database,
      );
      const email = `${unique('restart')}@example.org`;
      try {
        await signUp(before, email);
        await until('a first attempt failed', async () => (await rowOf(database.url, email))[0]?.attempts >= 1);
      } finally {
        await before.close();
      }
      expect((await rowOf(database.url, email))[0].sent_at).toBeNull();

      const smtp = new TestSmtp();
      const after = await startTestStack({ mail: { url: await smtp.start(), ...FAST } }, database);
      try {
        await until('the mail arrives after the restart', async () => smtp.to(email).length > 0);
        await expectOnce(after, smtp, email);
      } finally {
        await after.close();
        await smtp.stop();
      }
    });

    it('does not send again a mail that was being sent when the process stopped', async () => {
      const smtp = new TestSmtp();
      let release!: () => void;
      smtp.hold = new Promise<void>((resolve) => (release = resolve));
      const url = await smtp.start();
      const before = await startTestStack({ mail: { url, ...FAST } }, database);
      const email = `${unique('midsend')}@example.org`;
      await signUp(before, email);
      await until('the message is mid-send', async () => (await rowOf(database.url, email))[0]?.attempts >= 1);
      // The stop waits for the server's answer, and for the mail to be marked sent.
      const stopping = before.close();
      release();
      await stopping;
      smtp.hold = undefined;
      expect((await rowOf(database.url, email))[0].sent_at).not.toBeNull();

      const after = await startTestStack({ mail: { url, ...FAST } }, database);
      try {
        await expectOnce(after, smtp, email);
      } finally {
        await after.close();
        await smtp.stop();
      }
    });
  });
});
