import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { routes } from '@linli/shared';
import { asStored, communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * SQLite (the embedded database) held by another writer past its wait answers 503 DATABASE_UNAVAILABLE with
 * Retry-After, not 500, and commits nothing; the retry with the same key once the lock is gone signs up once.
 * On SQLite whatever the suite's database: the file is this test's own, locked from a second connection.
 */
describe('a locked SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-busy-'));
  const path = join(dir, 'busy.sqlite');
  let t: TestApp;
  let committee: string;
  let resident: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp({ database: { kind: 'sqlite', path }, databaseTimeouts: { connectMs: 1000, acquireMs: 1000, queryMs: 300 } });
    [committee, resident] = await Promise.all((['committee', 'resident'] as const).map((p) => t.login(p)));
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while another writer holds the lock, and the retry signs up once', async () => {
    const activity = await publishedActivity(t, committee, home, { seats: 5 });
    const key = { 'idempotency-key': randomBytes(16).toString('base64url') };
    const signUp = () => t.call(routes.signUp, { params: { id: activity.id }, body: {} }, resident, key);

    const other = new BetterSqlite3(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await signUp();
      expect([busy.status, busy.error?.code, busy.error?.message, busy.headers.get('retry-after')]).toEqual([503, 'DATABASE_UNAVAILABLE', '系统正在维护，请稍后再试', '5']);
      // Readers are not held up by a writer (WAL): the instance stays ready.
      expect(ok(await t.call(routes.health)).status).toBe('ok');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(ok(await t.call(routes.getActivity, { params: { id: activity.id } }, committee)).seatsTaken).toBe(0);
    const signup = ok(await signUp());
    expect(asStored(ok(await signUp()))).toEqual(asStored(signup));
    expect(ok(await t.call(routes.getActivity, { params: { id: activity.id } }, committee)).seatsTaken).toBe(1);
  });

  it('keeps liveness apart from readiness', async () => {
    expect(ok(await t.call(routes.healthLive))).toEqual({ status: 'ok', version: expect.any(String) });
    expect(ok(await t.call(routes.health))).toMatchObject({ status: 'ok', database: { kind: 'sqlite', ok: true } });
  });
});
