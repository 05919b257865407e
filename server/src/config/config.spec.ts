import { ConfigError, loadConfig } from './config.js';

const DEFAULT_LAYOUT = [
  { keyword: 'thing1', part: 'subject' },
  { keyword: 'thing2', part: 'title' },
  { keyword: 'thing3', part: 'body' },
  { keyword: 'time4', part: 'at' },
];

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
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PUBLIC_URL: 'https://linli.example.cn' }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PUBLIC_URL: 'https://linli.example.cn', DEV_LOGIN: 'true' }).devLogin).toBe(true);
  });

  it('addresses our own uploads from PUBLIC_URL (http://localhost:PORT in development) and trusts no proxy unless told', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://linli.example.cn/' }).publicUrl).toBe('https://linli.example.cn');
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,::1' }).trustProxy).toEqual(['10.0.0.1', '172.16.0.0/12', '::1']);
  });

  it('serves the API docs outside production, and in production only with API_DOCS=true', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PUBLIC_URL: 'https://linli.example.cn' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PUBLIC_URL: 'https://linli.example.cn', API_DOCS: 'true' }).apiDocs).toBe(true);
  });

  it('keeps shared state in memory unless REDIS_URL is set', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0');
  });

  it('sweeps activities every 30 s and reminds 24 h ahead unless told otherwise; 0 turns the sweeper off', () => {
    expect(loadConfig({})).toMatchObject({ sweepIntervalSeconds: 30, reminderHours: 24 });
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '0', REMINDER_HOURS: '2' })).toMatchObject({ sweepIntervalSeconds: 0, reminderHours: 2 });
  });

  it('keeps uploads on local disk unless S3 is configured, and then derives where browsers fetch them', () => {
    expect(loadConfig({}).uploads).toEqual({ dir: expect.stringMatching(/\/data\/uploads$/), s3: null });
    const cos = { S3_BUCKET: 'linli-1250000000', S3_REGION: 'ap-guangzhou', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig({ ...cos, S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com' }).uploads.s3).toEqual({
      bucket: 'linli-1250000000',
      region: 'ap-guangzhou',
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: false,
      publicUrl: 'https://linli-1250000000.cos.ap-guangzhou.myqcloud.com',
    });
    expect(loadConfig({ ...cos, S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_FORCE_PATH_STYLE: 'true' }).uploads.s3?.publicUrl).toBe(
      'http://127.0.0.1:9000/linli-1250000000',
    );
    expect(loadConfig({ ...cos, S3_PUBLIC_URL: 'https://img.example.com/' }).uploads.s3?.publicUrl).toBe('https://img.example.com');
    expect(loadConfig(cos).uploads.s3?.publicUrl).toBe('https://linli-1250000000.s3.ap-guangzhou.amazonaws.com');
  });

  it('lays out every subscribe template as thing1 subject, thing2 title, thing3 body, time4 time unless told otherwise', () => {
    const config = loadConfig({ WECHAT_TEMPLATE_SIGNUP_RESULT_FIELDS: ' thing1:subject, thing2:title ,thing5:body,time3:at' });
    expect(config.subscribeTemplateFields.signup_result).toEqual([
      { keyword: 'thing1', part: 'subject' },
      { keyword: 'thing2', part: 'title' },
      { keyword: 'thing5', part: 'body' },
      { keyword: 'time3', part: 'at' },
    ]);
    expect(config.subscribeTemplateFields.waitlist_offer).toEqual(DEFAULT_LAYOUT);
    expect(Object.keys(loadConfig({}).subscribeTemplateFields).sort()).toEqual(
      ['activity_changed', 'activity_reminder', 'consultation_opened', 'consultation_result', 'service_request', 'signup_result', 'waitlist_offer'],
    );
    expect(loadConfig({ WECHAT_TEMPLATE_ACTIVITY_REMINDER_FIELDS: 'character_string2:title,date1:at' }).subscribeTemplateFields.activity_reminder).toEqual([
      { keyword: 'character_string2', part: 'title' },
      { keyword: 'date1', part: 'at' },
    ]);
  });

  it.each([
    ['thing1:subjet', '"thing1:subjet": write keyword:part with part one of subject, title, body, at'],
    ['things1:subject', '"things1:subject": the keyword must be a WeChat field'],
    ['thing0:subject', 'the keyword must be a WeChat field'],
    ['thing1', '"thing1": write keyword:part'],
    ['thing1:subject:x', 'write keyword:part'],
    ['thing1:at', '"thing1:at": the time goes into a time or date field, and only the time does'],
    ['time4:body', '"time4:body": the time goes into a time or date field'],
    ['thing1:subject,thing1:title', '"thing1:title": thing1 is listed twice'],
    ['', 'the keyword must be a WeChat field'],
    ['thing1:subject,,time4:at', 'the keyword must be a WeChat field'],
  ])('refuses the template layout %j at start, saying what is wrong', (value, message) => {
    const env = { WECHAT_TEMPLATE_CONSULTATION_RESULT_FIELDS: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow('WECHAT_TEMPLATE_CONSULTATION_RESULT_FIELDS');
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ S3_BUCKET: 'linli' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com' }, 'S3_BUCKET'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ SWEEP_INTERVAL_SECONDS: '-1' }, 'SWEEP_INTERVAL_SECONDS'],
    [{ REMINDER_HOURS: '0' }, 'REMINDER_HOURS'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ WECHAT_APP_ID: 'wx123' }, 'WECHAT_APP_SECRET'],
    [{ WECHAT_API_BASE_URL: 'not a url', WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' }, 'WECHAT_API_BASE_URL'],
    [{ DEV_LOGIN: 'maybe' }, 'DEV_LOGIN'],
    [{ REDIS_URL: '127.0.0.1:6379' }, 'REDIS_URL'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, 'PUBLIC_URL'],
    [{ TRUST_PROXY: '10.0.0.1, evil.example' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
  ])('stops with a message naming the variable for %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
