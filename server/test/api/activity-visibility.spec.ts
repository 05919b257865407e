import { routes } from '@linli/shared';
import { activityInput, communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Residents see an activity once it has been published, cancelled or not; a draft stays its organisers' own, cancelled or not. */
describe('which activities residents see', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  const listed = async (token: string, manage: boolean) =>
    ok(await t.call(routes.listActivities, { query: { communityId: home, range: 'all', pageSize: 100, manage: manage ? 'true' : 'false' } as never }, token)).items.map(
      (a) => a.id,
    );
  const cancel = (id: number) => t.call(routes.cancelActivity, { params: { id }, body: { reason: '场地另有安排' } }, committee).then(ok);

  it('keeps a draft cancelled before publishing out of residents’ sight, and in its organisers’', async () => {
    const draft = ok(await t.call(routes.createActivity, { body: activityInput(t, home, { title: '从未发布就取消' }) }, committee));
    expect(await cancel(draft.id)).toMatchObject({ status: 'cancelled', cancelReason: '场地另有安排' });

    expect(await t.call(routes.getActivity, { params: { id: draft.id } }, resident)).toMatchObject({ status: 404, error: { code: 'ACTIVITY_NOT_FOUND' } });
    expect(await listed(resident, false)).not.toContain(draft.id);
    expect(await t.call(routes.signUp, { params: { id: draft.id }, body: {} }, resident)).toMatchObject({ status: 404, error: { code: 'ACTIVITY_NOT_FOUND' } });

    expect(ok(await t.call(routes.getActivity, { params: { id: draft.id } }, committee))).toMatchObject({ status: 'cancelled', canManage: true });
    expect(await listed(committee, true)).toContain(draft.id);
  });

  it('keeps showing residents an activity that was published and then cancelled, with the reason', async () => {
    const published = await publishedActivity(t, committee, home, { title: '发布后取消' });
    await cancel(published.id);
    expect(ok(await t.call(routes.getActivity, { params: { id: published.id } }, resident))).toMatchObject({
      status: 'cancelled',
      cancelReason: '场地另有安排',
    });
    expect(await listed(resident, false)).toContain(published.id);
  });

  it('shows residents every session of a published series, and none of a draft series', async () => {
    const series = ok(await t.call(routes.createActivity, { body: activityInput(t, home, { title: '每周太极', repeatWeekly: 3 }) }, committee));
    const draftSeries = ok(await t.call(routes.createActivity, { body: activityInput(t, home, { title: '草稿系列', repeatWeekly: 2 }) }, committee));
    ok(await t.call(routes.publishActivity, { params: { id: series.id } }, committee));
    const seen = await listed(resident, false);
    const all = await listed(committee, true);
    const sessions = (firstId: number, n: number) => all.filter((id) => id >= firstId && id < firstId + n);
    expect(sessions(series.id, 3)).toHaveLength(3);
    for (const id of sessions(series.id, 3)) expect(seen).toContain(id);
    for (const id of sessions(draftSeries.id, 2)) expect(seen).not.toContain(id);
  });
});
