import { DATE_WINDOW_MESSAGE, routes, type CreateActivity } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { activityInput, communityIds, HOURS } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { pollInput } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 24 * HOURS;
const WEEK = 7 * DAY;

/** Every date taken or derived lies in 2000–2100: both databases refuse it the same way, never with a 500 or year 0000. */
describe('dates outside 2000–2100', () => {
  let t: TestApp;
  let committee: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  /** An activity whose sign-up opens at `start` and that starts a week later, on whole seconds. */
  function activityFrom(start: Date, overrides: Partial<CreateActivity> = {}): CreateActivity {
    const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
    return activityInput(t, home, {
      signupOpensAt: at(0),
      signupClosesAt: at(5 * DAY),
      cancelDeadline: at(5 * DAY),
      startsAt: at(7 * DAY),
      endsAt: at(7 * DAY + 2 * HOURS),
      ...overrides,
    });
  }
  const create = (body: CreateActivity) => t.call(routes.createActivity, { body }, committee);
  const titled = (title: string) => t.db.run((em) => em.find(Activity, { where: { title } }));

  it('refuses a weekly series in year 9999 with VALIDATION_FAILED and stores nothing', async () => {
    const reply = await create(activityFrom(new Date('9999-12-01T06:00:00Z'), { title: '九九九九年', repeatWeekly: 8 }));
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(reply.error?.fields).toEqual(expect.arrayContaining([{ path: 'body.startsAt', message: DATE_WINDOW_MESSAGE }]));
    expect(await titled('九九九九年')).toHaveLength(0);
  });

  it('refuses an activity in 1999', async () => {
    const reply = await create(activityFrom(new Date('1999-06-01T06:00:00Z'), { title: '一九九九年' }));
    expect(reply).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    expect(reply.error?.fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(['body.signupOpensAt', 'body.signupClosesAt', 'body.cancelDeadline', 'body.startsAt', 'body.endsAt']),
    );
    expect(await titled('一九九九年')).toHaveLength(0);
  });

  it('refuses a series whose later sessions would fall after 2100, and takes it when they do not', async () => {
    const start = new Date('2100-11-01T06:00:00Z');
    const tooLong = await create(activityFrom(start, { title: '跨过2100年', repeatWeekly: 10 }));
    expect(tooLong).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'body.repeatWeekly' }] } });
    expect(tooLong.error?.fields?.[0].message).toContain(DATE_WINDOW_MESSAGE);
    expect(await titled('跨过2100年')).toHaveLength(0);

    ok(await create(activityFrom(start, { title: '2100年内', repeatWeekly: 7 })));
    const sessions = await titled('2100年内');
    expect(sessions).toHaveLength(7);
    expect(Math.max(...sessions.map((s) => s.endsAt.getTime()))).toBeLessThan(Date.UTC(2101, 0, 1));
  });

  it("refuses a 'following' edit that would move later sessions past 2100, and changes none of them", async () => {
    const first = ok(await create(activityFrom(new Date('2100-10-01T06:00:00Z'), { title: '往后挪', repeatWeekly: 4 })));
    const before = await t.db.run((em) => em.find(Activity, { where: { seriesId: first.id }, order: { startsAt: 'ASC' } }));
    const later = (d: Date) => new Date(d.getTime() + 10 * WEEK).toISOString();
    const moved = await t.call(
      routes.updateActivity,
      {
        params: { id: before[0].id },
        body: {
          scope: 'following',
          signupOpensAt: later(before[0].signupOpensAt),
          signupClosesAt: later(before[0].signupClosesAt),
          cancelDeadline: later(before[0].cancelDeadline),
          startsAt: later(before[0].startsAt),
          endsAt: later(before[0].endsAt),
        },
      },
      committee,
    );
    expect(moved).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    expect(moved.error?.fields?.[0].message).toContain(DATE_WINDOW_MESSAGE);
    const after = await t.db.run((em) => em.find(Activity, { where: { seriesId: first.id }, order: { startsAt: 'ASC' } }));
    expect(after.map((s) => s.startsAt.toISOString())).toEqual(before.map((s) => s.startsAt.toISOString()));
  });

  it('refuses a consultation closing in 9999 and an article scheduled for 1999', async () => {
    const poll = await t.call(routes.createPoll, { body: pollInput(t, home, { closesAt: '9999-12-31T00:00:00Z' }) }, committee);
    expect(poll).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'body.closesAt', message: DATE_WINDOW_MESSAGE }] } });

    const article = ok(
      await t.call(routes.createArticle, { body: { communityId: home, kind: 'notice', title: '通知', summary: '', body: '<p>通知</p>' } as never }, committee),
    );
    const scheduled = await t.call(routes.publishArticle, { params: { id: article.id }, body: { publishAt: '1999-12-31T00:00:00Z' } }, committee);
    expect(scheduled).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'body.publishAt', message: DATE_WINDOW_MESSAGE }] } });
  });
});
