import { routes, type SignupQuestion } from '@linli/shared';
import { activityInput, communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { photo, uploadFile } from '../support/uploads.js';

const questions: SignupQuestion[] = [
  { id: 'q1', kind: 'single', title: '您需要接送吗', required: true, options: ['需要', '不需要'] },
  { id: 'q2', kind: 'multiple', title: '想学哪些内容', required: false, options: ['视频通话', '手机支付', '防诈骗'] },
  { id: 'q3', kind: 'text', title: '还有什么想告诉我们', required: false, options: [] },
];

/** What the staff activity form sends beyond the basics — cover, audience with ages, questions — comes back as sent. */
describe('activity cover, audience and sign-up questions', () => {
  let t: TestApp;
  let committee: string;
  let community: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    community = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  it('round-trips a cover uploaded to Linli, an audience of two buildings aged 60 to 90, and three questions', async () => {
    const cover = ok(await uploadFile(t, committee, await photo(1600, 900).jpeg().toBuffer())).variants.cover;
    const audience = { kind: 'buildings' as const, buildings: ['1栋', '3栋'], minAge: 60, maxAge: 90 };

    const created = ok(
      await t.call(routes.createActivity, { body: activityInput(t, community, { coverUrl: cover, audience, questions }) }, committee),
    );

    expect(created).toMatchObject({ coverUrl: cover, audience, questions });
    const read = ok(await t.call(routes.getActivity, { params: { id: created.id } }, committee));
    expect(read).toMatchObject({ coverUrl: cover, audience, questions });
    const listed = ok(await t.call(routes.listActivities, { query: { manage: 'true', range: 'all', pageSize: 100 } }, committee));
    expect(listed.items.find((a) => a.id === created.id)?.coverUrl).toBe(cover);
    expect((await fetch(cover)).status).toBe(200);
  });

  it('keeps cover, audience and questions when an edit leaves them out, and changes them when it sends them', async () => {
    const audience = { kind: 'anyone' as const, buildings: [], minAge: 55, maxAge: null };
    // Only our own uploads may be covers (image-addresses.spec.ts).
    const cover = ok(await uploadFile(t, committee, await photo(1600, 900).jpeg().toBuffer())).variants.cover;
    const created = ok(await t.call(routes.createActivity, { body: activityInput(t, community, { coverUrl: cover, audience, questions }) }, committee));

    const renamed = ok(await t.call(routes.updateActivity, { params: { id: created.id }, body: { title: '改了名字的活动' } }, committee));
    expect(renamed).toMatchObject({ title: '改了名字的活动', coverUrl: cover, audience, questions });

    const reordered = [questions[2], { ...questions[0], required: false }];
    const changed = ok(
      await t.call(
        routes.updateActivity,
        { params: { id: created.id }, body: { coverUrl: null, questions: reordered, audience: { kind: 'community_residents', buildings: [], minAge: null, maxAge: 80 } } },
        committee,
      ),
    );
    expect(changed).toMatchObject({ coverUrl: null, questions: reordered, audience: { kind: 'community_residents', minAge: null, maxAge: 80 } });
  });

  it('refuses ages the wrong way round and choice questions with fewer than two options, naming the field', async () => {
    const badAges = await t.call(
      routes.createActivity,
      { body: activityInput(t, community, { audience: { kind: 'anyone', buildings: [], minAge: 80, maxAge: 60 } }) },
      committee,
    );
    expect(badAges.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.audience.maxAge', message: '最小年龄不能大于最大年龄' }] });
    const oneOption = await t.call(
      routes.createActivity,
      { body: activityInput(t, community, { questions: [{ id: 'q1', kind: 'single', title: '选一个', required: true, options: ['只有一个'] }] }) },
      committee,
    );
    expect(oneOption.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.questions.0.options' }] });
  });
});
