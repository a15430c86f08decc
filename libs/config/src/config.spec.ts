import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives sensible defaults and derives the subgraph ports from PORT', () => {
    const config = loadConfig({ PORT: '5000' });
    expect(config.ports).toEqual({ gateway: 5000, accounts: 5001, network: 5002, settlement: 5003 });
    expect(config.urls.network).toBe('http://127.0.0.1:5002');
    expect(config.database).toMatchObject({ dataDir: '.data', seedDemo: true, url: undefined });
    expect(config.server.production).toBe(false);
  });

  it('hashes passwords at the production strength unless told otherwise, and refuses a weaker cost than tests use', () => {
    expect(loadConfig({}).passwords.hashCost).toBe(15);
    expect(loadConfig({ PASSWORD_HASH_COST: '10' }).passwords.hashCost).toBe(10);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '4' })).toThrow(/PASSWORD_HASH_COST/);
  });

  it('allows no other browser origin by default, and reads a comma-separated list of origins', () => {
    expect(loadConfig({}).web.corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' }).web.corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.org/path' })).toThrow(/CORS_ORIGINS/);
  });

  it('lets every server take any free port when PORT is 0', () => {
    expect(loadConfig({ PORT: '0' }).ports).toEqual({ gateway: 0, accounts: 0, network: 0, settlement: 0 });
  });

  it('lists every bad or missing variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', SEED_DEMO: 'maybe' }, ['DATABASE_URL']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NODE_ENV/);
    expect(problems).toMatch(/SEED_DEMO/);
    expect(problems).toMatch(/DATABASE_URL: required/);
  });

  it('reports a required variable that is missing', () => {
    expect(() => loadConfig({}, ['DATABASE_URL'])).toThrow(/DATABASE_URL: required/);
  });

  it('requires the QR key encryption secret in production only, saying why', () => {
    const secretless = { NODE_ENV: 'production' };
    expect(() => loadConfig(secretless, [], ['QR_KEY_ENCRYPTION_SECRET'])).toThrow(
      /QR_KEY_ENCRYPTION_SECRET: required when NODE_ENV=production, to seal the networks' QR signing keys/,
    );
    const secret = 'a'.repeat(32);
    expect(
      loadConfig({ ...secretless, QR_KEY_ENCRYPTION_SECRET: secret }, [], ['QR_KEY_ENCRYPTION_SECRET']).tokens,
    ).toMatchObject({ qrKeyEncryptionSecret: secret });
    expect(() => loadConfig({ NODE_ENV: 'development' }, [], ['QR_KEY_ENCRYPTION_SECRET'])).not.toThrow();
  });

  it('requires MAIL_URL in production, takes only SMTP URLs, and keeps mail in the dev mailbox otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, [], ['MAIL_URL'])).toThrow(
      /MAIL_URL: required when NODE_ENV=production, to send verification, invitation and reset mail/,
    );
    expect(() => loadConfig({ MAIL_URL: 'http://mail.example.org' })).toThrow(/MAIL_URL: must be an smtp/);
    const production = loadConfig(
      { NODE_ENV: 'production', MAIL_URL: 'smtps://u:p@mail.example.org:465', PUBLIC_URL: 'https://app.example.org/' },
      [],
      ['MAIL_URL'],
    );
    expect(production.mail).toEqual({
      url: 'smtps://u:p@mail.example.org:465',
      from: 'Passerelle <no-reply@localhost>',
      publicUrl: 'https://app.example.org/',
    });
    expect(loadConfig({}).mail.url).toBeUndefined();
  });
});
