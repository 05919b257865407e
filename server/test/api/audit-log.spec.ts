import { routes } from '@linli/shared';
import { runAdmin } from '../../src/admin/admin-commands.js';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { AuditVerifier } from '../../src/audit/audit-verify.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../../src/config/config.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('audit log: reading, export, hash chain', () => {
  let t: TestApp;
  let committee: string;
  let streetAdmin: string;
  const community: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    streetAdmin = await t.login('street-admin');
    for (const c of ok(await t.call(routes.communities)).items) community[c.name] = c.id;
    // Staff actions in two communities: an invite by the committee of 幸福里, one by the street admin for 长青里.
    ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['幸福里社区'] } }, committee));
    ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['长青里社区'] } }, streetAdmin));
  });
  afterAll(() => t.close());

  const verify = () => t.app.get(AuditVerifier).verify();
  const rawExec = (sql: string, params: unknown[]) => t.db.transaction(() => t.db.execute(sql, params));

  it('shows committee staff their community and street admins the whole street, with filters', async () => {
    const own = ok(await t.call(routes.auditLog, { query: { action: 'invite.create' } }, committee));
    // The demo's two seeded invites and this test's own, all in 幸福里.
    expect(own.items.map((r) => r.communityName)).toEqual(['幸福里社区', '幸福里社区', '幸福里社区']);
    expect(own.items[0]).toMatchObject({ actorName: expect.any(String), targetType: 'invite', detail: { role: 'committee_staff' } });
    expect(JSON.stringify(own.items)).not.toMatch(/"code"/);

    const street = ok(await t.call(routes.auditLog, { query: { action: 'invite.create' } }, streetAdmin));
    expect(new Set(street.items.map((r) => r.communityName))).toEqual(new Set(['幸福里社区', '长青里社区']));
    const byCommunity = ok(await t.call(routes.auditLog, { query: { communityId: community['长青里社区'] } }, streetAdmin));
    expect(byCommunity.items.every((r) => r.communityName === '长青里社区')).toBe(true);
    const byActor = ok(await t.call(routes.auditLog, { query: { actorId: own.items[0].actorId! } }, streetAdmin));
    expect(byActor.items.every((r) => r.actorId === own.items[0].actorId)).toBe(true);

    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const everything = ok(await t.call(routes.auditLog, {}, streetAdmin)).total;
    expect(ok(await t.call(routes.auditLog, { query: { from: today, to: today } }, streetAdmin)).total).toBe(everything);
    expect(ok(await t.call(routes.auditLog, { query: { from: '2000-01-01', to: '2000-01-02' } }, streetAdmin)).total).toBe(0);
    expect((await t.call(routes.auditLog, { query: { from: '2026-02-02', to: '2026-02-01' } }, streetAdmin)).error?.code).toBe('AUDIT_RANGE_INVALID');

    const paged = ok(await t.call(routes.auditLog, { query: { pageSize: 1, page: 2 } }, streetAdmin));
    expect(paged.items).toHaveLength(1);

    expect((await t.call(routes.auditLog, { query: { communityId: community['长青里社区'] } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.auditLog, {}, await t.login('social-worker'))).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.auditLog, {}, await t.login('resident'))).error?.code).toBe('FORBIDDEN');
  });

  it('exports the filtered log as formula-safe CSV', async () => {
    // A nickname Excel would run as a formula, acting in the log.
    const sneaky = await t.login({ openid: 'audit_sneaky', nickname: '=HYPERLINK("x")' });
    const invite = ok(await t.call(routes.createInvite, { body: { role: 'committee_staff', scopeId: community['幸福里社区'] } }, committee));
    ok(await t.call(routes.acceptInvite, { params: { code: invite.code } }, sneaky));
    const response = await fetch(`${t.base}/api/audit-log/export?action=grant.accept_invite`, { headers: { authorization: `Bearer ${committee}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF编号,时间,操作人编号,操作人,操作')).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('chains every row, and finds an edited, a removed and a cut-off row', async () => {
    expect((await verify()).breaks).toEqual([]);
    const rows = await t.db.run((em) => em.find(AuditLog, { where: { chain: 1 }, order: { seq: 'ASC' } }));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const victim = rows[1];

    await rawExec('UPDATE `audit_log` SET `detail` = ? WHERE `id` = ?', ['{"role":"street_admin"}', victim.id]);
    expect((await verify()).breaks).toEqual([{ chain: 1, id: victim.id, seq: victim.seq, reason: 'changed' }]);
    const io = { lines: [] as string[], out: (l: string) => io.lines.push(l), err: (l: string) => io.lines.push(l) };
    const config = t.app.get<AppConfig>(APP_CONFIG);
    expect(await runAdmin(['audit-verify'], { NODE_ENV: 'test' }, io, { database: config.database })).toBe(1);
    expect(io.lines.join('\n')).toContain(`BROKEN chain 1 at row id ${victim.id} (seq ${victim.seq}): changed`);

    await rawExec('UPDATE `audit_log` SET `detail` = ? WHERE `id` = ?', [victim.detail, victim.id]);
    expect((await verify()).breaks).toEqual([]);

    await rawExec('DELETE FROM `audit_log` WHERE `id` = ?', [rows[2].id]);
    expect((await verify()).breaks).toEqual([{ chain: 1, id: rows[3].id, seq: rows[3].seq, reason: 'missing_or_inserted' }]);
    await t.db.transaction(() => t.db.run((em) => em.insert(AuditLog, rows[2])));
    expect((await verify()).breaks).toEqual([]);

    const last = rows[rows.length - 1];
    const tail = await t.db.run((em) => em.find(AuditLog, { where: { chain: 1 }, order: { seq: 'DESC' }, take: 1 }));
    await rawExec('DELETE FROM `audit_log` WHERE `id` = ?', [tail[0].id]);
    expect((await verify()).breaks).toEqual([{ chain: 1, id: null, seq: tail[0].seq, reason: 'end_missing' }]);
    await t.db.transaction(() => t.db.run((em) => em.insert(AuditLog, tail[0])));
    expect(last.seq).toBeLessThanOrEqual(tail[0].seq);
    expect((await verify()).breaks).toEqual([]);
  });

  it('keeps each chain whole when many staff actions commit at once', async () => {
    const audit = t.app.get(AuditRepository);
    const communities = Object.values(community);
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) =>
        t.db.transaction(async () => {
          await audit.append({ actorId: null, action: 'race.append', communityId: communities[i % communities.length], targetType: 'test', targetId: i });
          await new Promise((resolve) => setImmediate(resolve));
          if (i % 4 === 0) throw new Error('rollback');
          await audit.append({ actorId: null, action: 'race.append', communityId: null, targetType: 'test', targetId: i });
        }),
      ),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    expect(failures.filter((message) => message !== 'rollback')).toEqual([]);
    expect(failures).toHaveLength(30);
    expect(await t.db.run((em) => em.countBy(AuditLog, { action: 'race.append' }))).toBe(180);
    const report = await verify();
    expect(report.breaks).toEqual([]);
    expect(report.chains).toBe(2);
  });
});
