import { routes } from '@linli/shared';
import { Activity } from '../../src/activities/activity.entity.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { activityInput, communityIds, HOURS, organisationIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Staff create, edit, publish and cancel activities within their scope; residents browse what is published. */
describe('activities', () => {
  let t: TestApp;
  let committee: string;
  let socialWorker: string;
  let streetAdmin: string;
  let resident: string;
  let c: Record<string, number>;
  let orgs: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, socialWorker, streetAdmin, resident] = await Promise.all(
      (['committee', 'social-worker', 'street-admin', 'resident'] as const).map((p) => t.login(p)),
    );
    c = await communityIds(t);
    orgs = await organisationIds(t, committee);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  it('seeds demo activities for 幸福里社区: a weekly series, a full one with a waitlist, an ended one', async () => {
    const all = ok(await t.call(routes.listActivities, { query: { range: 'all', pageSize: 50 } }, resident)).items;
    const byTitle = (title: string) => all.filter((a) => a.title === title);
    expect(byTitle('太极拳晨练')).toHaveLength(4);
    expect(new Set(byTitle('太极拳晨练').map((a) => a.seriesId)).size).toBe(1);
    expect(byTitle('老年人智能手机课堂')[0].organiser).toMatchObject({ kind: 'organisation', name: '启航社会工作服务中心' });
    expect(byTitle('敬老院探访志愿服务')[0]).toMatchObject({ seats: 0, volunteerSlots: 10, seatState: 'open' });
    expect(byTitle('楼道微更新议事会')[0]).toMatchObject({ seats: 2, seatsTaken: 2, seatState: 'waitlist' });
    expect(byTitle('中秋游园会')[0].seatState).toBe('ended');
    const phoneClass = ok(await t.call(routes.getActivity, { params: { id: byTitle('老年人智能手机课堂')[0].id } }, resident));
    expect(phoneClass.questions).toEqual([{ id: 'phone', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] }]);
  });

  it('creates a draft that only managers see, then publishes it', async () => {
    const draft = ok(await t.call(routes.createActivity, { body: activityInput(t, c['幸福里社区'], { title: '草稿活动' }) }, committee));
    expect(draft).toMatchObject({ status: 'draft', canManage: true, seatsTaken: 0, organiser: { kind: 'committee', name: '幸福里社区居委会' } });
    expect(draft.checkinToken).toMatch(/^[A-Za-z0-9_-]{16}$/);

    expect((await t.call(routes.getActivity, { params: { id: draft.id } }, resident)).error?.code).toBe('ACTIVITY_NOT_FOUND');
    const residentList = ok(await t.call(routes.listActivities, { query: {} }, resident));
    expect(residentList.items.map((a) => a.id)).not.toContain(draft.id);
    const staffList = ok(await t.call(routes.listActivities, { query: { manage: 'true' } }, committee));
    expect(staffList.items.map((a) => a.id)).toContain(draft.id);

    const published = ok(await t.call(routes.publishActivity, { params: { id: draft.id } }, committee));
    expect(published.status).toBe('published');
    expect((await t.call(routes.publishActivity, { params: { id: draft.id } }, committee)).error?.code).toBe('ACTIVITY_ALREADY_PUBLISHED');
    const seen = ok(await t.call(routes.getActivity, { params: { id: draft.id } }, resident));
    expect(seen).toMatchObject({ seatState: 'open', checkinToken: null, canManage: false, eligibility: { eligible: true, reason: null } });
    expect(ok(await t.call(routes.listActivities, { query: {} }, resident)).items.map((a) => a.id)).toContain(draft.id);

    const audit = await t.app.get(AuditRepository).list({ communityId: c['幸福里社区'] });
    expect(audit.filter((a) => a.targetId === draft.id).map((a) => a.action)).toEqual(['activity.create', 'activity.publish']);
  });

  it('keeps committee staff to their community and organisations to the communities they serve', async () => {
    const other = await t.call(routes.createActivity, { body: activityInput(t, c['长青里社区']) }, committee);
    expect(other.error?.code).toBe('OUT_OF_SCOPE');
    const notServed = await t.call(
      routes.createActivity,
      { body: activityInput(t, c['长青里社区'], { organisationId: orgs['启航社会工作服务中心'] }) },
      socialWorker,
    );
    expect(notServed.error?.code).toBe('ORGANISATION_NOT_SERVING');
    const notTheirOrg = await t.call(
      routes.createActivity,
      { body: activityInput(t, c['幸福里社区'], { organisationId: orgs['长青老年协会'] }) },
      socialWorker,
    );
    expect(notTheirOrg.error?.code).toBe('OUT_OF_SCOPE');
    const asCommittee = await t.call(routes.createActivity, { body: activityInput(t, c['幸福里社区']) }, socialWorker);
    expect(asCommittee.error?.code).toBe('OUT_OF_SCOPE');
    const byResident = await t.call(routes.createActivity, { body: activityInput(t, c['幸福里社区']) }, resident);
    expect(byResident.status).toBe(403);

    const served = ok(
      await t.call(routes.createActivity, { body: activityInput(t, c['春晖园社区'], { organisationId: orgs['启航社会工作服务中心'] }) }, socialWorker),
    );
    expect(served.organiser).toEqual({ kind: 'organisation', id: orgs['启航社会工作服务中心'], name: '启航社会工作服务中心' });
    // The street admin manages every community of the street, the committee of 春晖园 is someone else.
    expect(ok(await t.call(routes.getActivity, { params: { id: served.id } }, streetAdmin)).canManage).toBe(true);
    expect((await t.call(routes.publishActivity, { params: { id: served.id } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.updateActivity, { params: { id: served.id }, body: { seats: 5 } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect(ok(await t.call(routes.publishActivity, { params: { id: served.id } }, socialWorker)).status).toBe('published');
  });

  it('refuses times out of order and changes nothing', async () => {
    const before = await t.db.run((em) => em.count(Activity));
    const base = activityInput(t, c['幸福里社区']);
    const bad = [
      { signupOpensAt: base.signupClosesAt },
      { signupClosesAt: new Date(Date.parse(base.startsAt) + HOURS).toISOString() },
      { endsAt: base.startsAt },
      { cancelDeadline: base.endsAt },
    ];
    for (const change of bad) {
      const reply = await t.call(routes.createActivity, { body: { ...base, ...change } }, committee);
      expect(reply.error?.code).toBe('ACTIVITY_TIMES_INVALID');
    }
    expect(await t.db.run((em) => em.count(Activity))).toBe(before);
    const a = await publishedActivity(t, committee, c['幸福里社区']);
    const edit = await t.call(routes.updateActivity, { params: { id: a.id }, body: { endsAt: a.startsAt } }, committee);
    expect(edit.error?.code).toBe('ACTIVITY_TIMES_INVALID');
  });

  it('creates a weekly series, each session a week later with its own seats', async () => {
    const first = ok(
      await t.call(routes.createActivity, { body: activityInput(t, c['幸福里社区'], { title: '太极拳', repeatWeekly: 4, seats: 20 }) }, committee),
    );
    expect(first.seriesId).toBe(first.id);
    const sessions = await t.db.run((em) => em.find(Activity, { where: { seriesId: first.id }, order: { startsAt: 'ASC' } }));
    expect(sessions).toHaveLength(4);
    const week = 7 * 24 * HOURS;
    sessions.forEach((s, i) => {
      expect(s.startsAt.getTime() - Date.parse(first.startsAt)).toBe(i * week);
      expect(s.signupOpensAt.getTime() - Date.parse(first.signupOpensAt)).toBe(i * week);
      expect(s.seats).toBe(20);
    });
    expect(new Set(sessions.map((s) => s.checkinToken)).size).toBe(4);
    ok(await t.call(routes.publishActivity, { params: { id: first.id } }, committee));
    const statuses = await t.db.run((em) => em.find(Activity, { where: { seriesId: first.id } }));
    expect(statuses.every((s) => s.status === 'published')).toBe(true);
  });

  it('lists by range and category, in order, with a seat state on each card', async () => {
    const community = c['和睦家园社区'];
    const admin = streetAdmin;
    const soon = await publishedActivity(t, admin, community, { title: '本周活动', category: 'youth' });
    const later = await publishedActivity(t, admin, community, {
      title: '下月活动',
      category: 'lecture',
      startsAt: new Date(Date.now() + 30 * 24 * HOURS).toISOString(),
      endsAt: new Date(Date.now() + 30 * 24 * HOURS + 2 * HOURS).toISOString(),
    });
    const full = await publishedActivity(t, admin, community, { title: '满员活动', seats: 1, waitlistEnabled: false });
    ok(await t.call(routes.signUp, { params: { id: full.id }, body: {} }, resident));
    const query = (q: Record<string, string>) => t.call(routes.listActivities, { query: { communityId: community, ...q } }, resident);

    const upcoming = ok(await query({}));
    expect(upcoming.items.map((a) => a.title)).toEqual(['本周活动', '满员活动', '下月活动']);
    expect(upcoming.items.find((a) => a.id === full.id)!.seatState).toBe('full');
    expect(ok(await query({ range: 'week' })).items.map((a) => a.id)).toEqual([soon.id, full.id]);
    expect(ok(await query({ category: 'lecture' })).items.map((a) => a.id)).toEqual([later.id]);
    expect(ok(await query({ pageSize: '1', page: '2' }))).toMatchObject({ total: 3, items: [{ id: full.id }] });

    t.clock.advance(40 * 24 * HOURS);
    const past = ok(await query({ range: 'past' }));
    expect(past.items.map((a) => a.title)).toEqual(['下月活动', '满员活动', '本周活动']);
    expect(past.items.every((a) => a.seatState === 'ended')).toBe(true);
    expect(ok(await query({})).items).toEqual([]);
  });

  it('shows the seat state through the sign-up window', async () => {
    const a = await publishedActivity(t, committee, c['幸福里社区'], {
      signupOpensAt: new Date(Date.now() + HOURS).toISOString(),
    });
    const state = async () => ok(await t.call(routes.getActivity, { params: { id: a.id } }, resident));
    expect(await state()).toMatchObject({ seatState: 'not_open', eligibility: { eligible: false, reason: expect.stringMatching(/报名还没有开始/) } });
    t.clock.advance(2 * HOURS);
    expect((await state()).seatState).toBe('open');
    t.clock.advance(48 * HOURS);
    expect((await state()).seatState).toBe('closed');
    t.clock.advance(48 * HOURS);
    expect((await state()).seatState).toBe('ended');
  });

  it('edits and cancels, telling those signed up', async () => {
    const a = await publishedActivity(t, committee, c['幸福里社区'], { title: '要改的活动' });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, resident));
    const edited = ok(await t.call(routes.updateActivity, { params: { id: a.id }, body: { place: '新的活动室', seats: 12 } }, committee));
    expect(edited).toMatchObject({ place: '新的活动室', seats: 12, seatsTaken: 1 });
    const cancelled = ok(await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '天气原因' } }, committee));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气原因', seatState: 'cancelled' });
    expect((await t.call(routes.cancelActivity, { params: { id: a.id }, body: { reason: '再取消' } }, committee)).error?.code).toBe('ACTIVITY_CANCELLED');
    expect((await t.call(routes.updateActivity, { params: { id: a.id }, body: { seats: 1 } }, committee)).error?.code).toBe('ACTIVITY_NOT_EDITABLE');
    const inbox = ok(await t.call(routes.myInbox, { query: {} }, resident)).items.filter((i) => i.activityId === a.id);
    expect(inbox.map((i) => i.kind)).toEqual(['activity_cancelled', 'activity_changed', 'signup_confirmed']);
    expect(inbox[0].body).toContain('天气原因');
  });
});
