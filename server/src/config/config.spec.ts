import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded demo: SQLite, seeded, dev login on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, database: { kind: 'sqlite', path: './data/linli.sqlite' }, seedDemo: true, devLogin: true, wechat: null });
    expect(config.jwtSecret).toHaveLength(64);
  });

  it('switches to MySQL with DATABASE_URL and does not seed it unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/linli' });
    expect(config).toMatchObject({ database: { kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/linli' }, seedDemo: false });
    expect(loadConfig({ DATABASE_URL: 'mysql://x/y', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('turns dev login off in production unless explicitly enabled', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEV_LOGIN: 'true' }).devLogin).toBe(true);
  });

  it('sweeps activities every 30 s and reminds 24 h ahead unless told otherwise; 0 turns the sweeper off', () => {
    expect(loadConfig({})).toMatchObject({ sweepIntervalSeconds: 30, reminderHours: 24 });
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '0', REMINDER_HOURS: '2' })).toMatchObject({ sweepIntervalSeconds: 0, reminderHours: 2 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ SWEEP_INTERVAL_SECONDS: '-1' }, 'SWEEP_INTERVAL_SECONDS'],
    [{ REMINDER_HOURS: '0' }, 'REMINDER_HOURS'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ WECHAT_APP_ID: 'wx123' }, 'WECHAT_APP_SECRET'],
    [{ WECHAT_API_BASE_URL: 'not a url', WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' }, 'WECHAT_API_BASE_URL'],
    [{ DEV_LOGIN: 'maybe' }, 'DEV_LOGIN'],
  ])('stops with a message naming the variable for %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
