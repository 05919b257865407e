import { QueryFailedError } from 'typeorm';
import { isDatabaseOutage, POOL_ACQUIRE_TIMEOUT } from './database-outage.js';

const fatal = (code: string) => Object.assign(new Error(code), { code, fatal: true });

describe('isDatabaseOutage', () => {
  it('recognises the drivers\' connection failures bare and inside TypeORM\'s QueryFailedError', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'PROTOCOL_SEQUENCE_TIMEOUT']) {
      expect([code, isDatabaseOutage(fatal(code))]).toEqual([code, true]);
      expect([code, isDatabaseOutage(new QueryFailedError('SELECT 1', [], fatal(code)))]).toEqual([code, true]);
    }
    expect(isDatabaseOutage(new Error('Pool is closed.'))).toBe(true);
    expect(isDatabaseOutage(new QueryFailedError('COMMIT', [], new Error("Can't add new command when connection is in closed state")))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('waited'), { code: POOL_ACQUIRE_TIMEOUT }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('Too many connections'), { code: 'ER_CON_COUNT_ERROR', errno: 1040 }))).toBe(true);
    const busy = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
    expect(isDatabaseOutage(new QueryFailedError('INSERT', [], busy))).toBe(true);
    expect(isDatabaseOutage(new Error('wrapped', { cause: fatal('ECONNRESET') }))).toBe(true);
  });

  it('leaves everything else to be a 500: bugs, constraint errors, other services\' timeouts', () => {
    expect(isDatabaseOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseOutage(new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY', errno: 1062 })))).toBe(false);
    // A fetch to WeChat or S3 that timed out is not fatal to a database connection.
    expect(isDatabaseOutage(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toBe(false);
    expect(isDatabaseOutage(Object.assign(new Error('constraint'), { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isDatabaseOutage(null)).toBe(false);
  });
});
