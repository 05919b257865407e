import { routes } from '@linli/shared';
import { In } from 'typeorm';
import { InboxItem } from '../../src/notifications/inbox-item.entity.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Read state of the inbox: an unread count, and marking some or all of my items read. */
describe('inbox read state', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let users = 0;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  /** A fresh user with `n` notices (one 报名成功 per activity). */
  async function userWithNotices(name: string, n: number) {
    const token = await t.login({ openid: `inbox-${++users}`, nickname: name });
    for (let i = 0; i < n; i++) {
      const a = await publishedActivity(t, committee, home, { title: `${name}的活动${i}` });
      ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, token));
    }
    return token;
  }
  const inbox = async (token: string) => ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, token));
  const markRead = (token: string, body: { ids?: number[] }) => t.call(routes.markInboxRead, { body }, token);

  it('counts my unread items across pages and marks the ones I name', async () => {
    const me = await userWithNotices('甲', 3);
    const first = ok(await t.call(routes.myInbox, { query: { pageSize: 1 } }, me));
    expect(first).toMatchObject({ total: 3, unreadCount: 3, items: [{ readAt: null }] });

    const [newest, , oldest] = (await inbox(me)).items;
    expect(ok(await markRead(me, { ids: [newest.id, oldest.id] }))).toEqual({ unreadCount: 1 });

    const after = await inbox(me);
    expect(after.unreadCount).toBe(1);
    expect(after.items.map((i) => i.readAt !== null)).toEqual([true, false, true]);
    // Marking again keeps the first time it was read.
    const readAt = after.items[0].readAt;
    t.clock.advance(60_000);
    ok(await markRead(me, { ids: [newest.id] }));
    expect((await inbox(me)).items[0].readAt).toBe(readAt);
    t.clock.reset();
  });

  it('marks all of mine read when no ids are given, and nobody else’s', async () => {
    const me = await userWithNotices('乙', 2);
    const other = await userWithNotices('丙', 2);
    expect(ok(await markRead(me, {}))).toEqual({ unreadCount: 0 });
    expect((await inbox(me)).items.every((i) => i.readAt !== null)).toBe(true);
    expect((await inbox(other)).unreadCount).toBe(2);
  });

  it("ignores ids of other users' items (and ids that do not exist) without saying which is which", async () => {
    const me = await userWithNotices('丁', 1);
    const other = await userWithNotices('戊', 2);
    const theirs = (await inbox(other)).items.map((i) => i.id);
    const mine = (await inbox(me)).items[0].id;

    const reply = await markRead(me, { ids: [...theirs, 99_999_999] });
    expect(reply).toMatchObject({ status: 200, body: { unreadCount: 1 } });
    expect((await inbox(other)).unreadCount).toBe(2);
    const untouched = await t.db.run((em) => em.findBy(InboxItem, { id: In(theirs) }));
    expect(untouched.every((i) => i.readAt === null)).toBe(true);

    expect(ok(await markRead(me, { ids: [mine, theirs[0]] }))).toEqual({ unreadCount: 0 });
    expect((await inbox(other)).unreadCount).toBe(2);
  });

  it('refuses malformed ids with a field error, and anyone not logged in', async () => {
    const me = await userWithNotices('己', 1);
    for (const ids of [[], [0], ['1'], Array.from({ length: 201 }, (_, i) => i + 1)]) {
      const reply = await markRead(me, { ids: ids as number[] });
      expect(reply).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await markRead('', {})).error?.code).toBe('UNAUTHENTICATED');
    expect((await inbox(me)).unreadCount).toBe(1);
  });
});
