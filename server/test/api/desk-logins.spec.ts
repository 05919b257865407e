import { routes } from '@linli/shared';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { DeskLogin } from '../../src/desk/desk-login.entity.js';
import { DeskSession } from '../../src/desk/desk-session.entity.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DESK_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('desk login by a staff phone', () => {
  let t: TestApp;
  let committee: string;
  let streetAdmin: string;
  let resident: string;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    streetAdmin = await t.login('street-admin');
    resident = await t.login('resident');
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const ask = async () => ok(await t.call(routes.createDeskLogin, {}, undefined, { 'user-agent': DESK_UA }));
  const poll = (ticket: string, key?: string) => t.call(routes.deskLoginState, { params: { ticket }, query: { key } });
  const audits = (action: string) => t.db.run((em) => em.countBy(AuditLog, { action }));

  /** A desk logged in by the committee member: its token and session id. */
  async function deskOf(phone = committee) {
    const desk = await ask();
    ok(await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, phone));
    const { session } = ok(await poll(desk.ticket, desk.key));
    return session!;
  }

  it('gives the desk a QR ticket, lets a staff phone confirm it, and hands the desk its own session once', async () => {
    const desk = await ask();
    expect(desk.ticket).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(desk.scene).toBe(`d=${desk.ticket}`);
    expect(desk.scene.length).toBeLessThanOrEqual(32);
    expect(desk.link).toBe(`${t.base}/#/packages/staff/desk-confirm/index?scene=d%3D${desk.ticket}`);
    expect(desk).toMatchObject({ label: 'Chrome · Windows', image: null, page: 'packages/staff/desk-confirm/index' });
    expect(Math.abs(new Date(desk.expiresAt).getTime() - t.clock.now().getTime() - 2 * 60 * 1000)).toBeLessThan(2000);
    // Only hashes are kept.
    const rows = JSON.stringify(await t.db.run((em) => em.find(DeskLogin)));
    expect(rows).not.toContain(desk.ticket);
    expect(rows).not.toContain(desk.key);

    // The phone sees which desk asks; so does the desk, waiting.
    expect(ok(await poll(desk.ticket))).toMatchObject({ status: 'pending', label: 'Chrome · Windows', session: null });
    const confirmsBefore = await audits('desk_session.confirm');
    expect(ok(await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, committee))).toEqual({ ok: true });
    expect(await audits('desk_session.confirm')).toBe(confirmsBefore + 1);

    // Someone who only saw the QR (no key, or a wrong one) learns it was confirmed, and gets nothing.
    expect(ok(await poll(desk.ticket))).toMatchObject({ status: 'confirmed', session: null });
    expect(ok(await poll(desk.ticket, desk.ticket))).toMatchObject({ status: 'confirmed', session: null });

    const taken = ok(await poll(desk.ticket, desk.key));
    expect(taken.status).toBe('confirmed');
    expect(taken.session?.me.grants.some((g) => g.role === 'committee_staff')).toBe(true);
    const hours = (new Date(taken.session!.expiresAt).getTime() - t.clock.now().getTime()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    // The ticket is spent.
    expect(ok(await poll(desk.ticket, desk.key))).toMatchObject({ status: 'used', session: null });

    // The desk works as the committee member, staff routes included.
    ok(await t.call(routes.listResidencyClaims, {}, taken.session!.token));
    const mine = ok(await t.call(routes.myDeskSessions, {}, committee));
    expect(mine.items[0]).toMatchObject({ label: 'Chrome · Windows', current: false });
    expect(mine.items[0].lastUsedAt).not.toBeNull();
    expect(ok(await t.call(routes.myDeskSessions, {}, taken.session!.token)).items[0].current).toBe(true);
  });

  it('refuses an expired ticket, a used one and a phone without a staff grant, each with its own code, changing nothing', async () => {
    const sessions = () => t.db.run((em) => em.count(DeskSession));
    const before = await sessions();

    const late = await ask();
    t.clock.advance(2 * 60 * 1000 + 1000);
    const expired = await t.call(routes.confirmDeskLogin, { params: { ticket: late.ticket } }, committee);
    expect([expired.status, expired.error?.code]).toEqual([410, 'DESK_LOGIN_EXPIRED']);
    expect(expired.error?.message).toMatch(/过期/);
    expect(ok(await poll(late.ticket, late.key))).toMatchObject({ status: 'expired', session: null });
    t.clock.reset();

    const desk = await ask();
    const notStaff = await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, resident);
    expect([notStaff.status, notStaff.error?.code]).toEqual([403, 'DESK_LOGIN_NOT_STAFF']);
    expect(notStaff.error?.message).toMatch(/工作人员/);
    expect(ok(await poll(desk.ticket))).toMatchObject({ status: 'pending' });
    expect(await sessions()).toBe(before);

    ok(await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, committee));
    const twice = await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, streetAdmin);
    expect([twice.status, twice.error?.code]).toEqual([409, 'DESK_LOGIN_USED']);
    expect(await sessions()).toBe(before + 1);

    const unknown = await poll('AAAAAAAAAAAAAAAAAAAAAA');
    expect([unknown.status, unknown.error?.code]).toEqual([404, 'DESK_LOGIN_NOT_FOUND']);
    expect((await poll('short')).error?.code).toBe('VALIDATION_FAILED');
    expect((await t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } })).error?.code).toBe('UNAUTHENTICATED');
  });

  it('lets exactly one of two racing confirms through, and hands the session to exactly one of racing polls', async () => {
    for (let round = 0; round < 5; round++) {
      const desk = await ask();
      const confirms = await Promise.all(
        [committee, streetAdmin, committee, streetAdmin].map((phone) => t.call(routes.confirmDeskLogin, { params: { ticket: desk.ticket } }, phone)),
      );
      expect(confirms.filter((c) => !c.error)).toHaveLength(1);
      expect(confirms.filter((c) => c.error).map((c) => c.error!.code)).toEqual(['DESK_LOGIN_USED', 'DESK_LOGIN_USED', 'DESK_LOGIN_USED']);
      const polls = await Promise.all([1, 2, 3, 4].map(() => poll(desk.ticket, desk.key)));
      expect(polls.filter((p) => ok(p).session !== null)).toHaveLength(1);
    }
  });

  it('stops a signed-out desk at once, lets only its owner sign it out, and audit-logs the sign-out', async () => {
    const session = await deskOf();
    ok(await t.call(routes.me, {}, session.token));
    const [row] = ok(await t.call(routes.myDeskSessions, {}, committee)).items;

    const foreign = await t.call(routes.revokeDeskSession, { params: { id: row.id } }, streetAdmin);
    expect([foreign.status, foreign.error?.code]).toEqual([404, 'DESK_SESSION_NOT_FOUND']);
    ok(await t.call(routes.me, {}, session.token));

    const revokes = await audits('desk_session.revoke');
    ok(await t.call(routes.revokeDeskSession, { params: { id: row.id } }, committee));
    expect(await audits('desk_session.revoke')).toBe(revokes + 1);
    const refused = await t.call(routes.me, {}, session.token);
    expect([refused.status, refused.error?.code]).toEqual([401, 'SESSION_REVOKED']);
    expect(ok(await t.call(routes.myDeskSessions, {}, committee)).items.map((i) => i.id)).not.toContain(row.id);
    expect((await t.call(routes.revokeDeskSession, { params: { id: row.id } }, committee)).error?.code).toBe('DESK_SESSION_NOT_FOUND');
    // The phone itself is not signed out.
    ok(await t.call(routes.me, {}, committee));
  });

  it('ends a desk session after DESK_SESSION_HOURS (12 by default), long before the phone’s', async () => {
    const session = await deskOf();
    t.clock.advance(12 * 3600 * 1000 + 1000);
    // The state read a second ago may be trusted for a second more.
    await new Promise((r) => setTimeout(r, 1100));
    const refused = await t.call(routes.me, {}, session.token);
    expect([refused.status, refused.error?.code]).toEqual([401, 'SESSION_EXPIRED']);
    ok(await t.call(routes.me, {}, committee));
  });
});
