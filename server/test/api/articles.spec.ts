import { routes, type CreateArticle } from '@linli/shared';
import { ArticleRead } from '../../src/articles/article-read.entity.js';
import { Article } from '../../src/articles/article.entity.js';
import { ReadCounter } from '../../src/articles/read-counter.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { communityIds, HOURS, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { photo, uploadFile } from '../support/uploads.js';

const DAY = 24 * HOURS;

/** Staff write, schedule, publish, edit and withdraw articles in their scope; residents read them in the feed. */
describe('articles and the feed', () => {
  let t: TestApp;
  let committee: string;
  let socialWorker: string;
  let resident: string;
  let resident2: string;
  let c: Record<string, number>;
  let imageUrl: string;
  let coverUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, socialWorker, resident, resident2] = await Promise.all(
      (['committee', 'social-worker', 'resident', 'resident2'] as const).map((p) => t.login(p)),
    );
    c = await communityIds(t);
    const upload = ok(await uploadFile(t, committee, await photo(800, 600).jpeg().toBuffer()));
    imageUrl = upload.variants.body;
    coverUrl = upload.variants.cover;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const input = (overrides: Partial<CreateArticle> = {}) =>
    ({ communityId: c['幸福里社区'], kind: 'notice', title: '停水通知', summary: '周三上午停水', body: '<p>周三上午 9 点到 12 点停水。</p>', ...overrides }) as CreateArticle;
  const create = async (overrides: Partial<CreateArticle> = {}) => ok(await t.call(routes.createArticle, { body: input(overrides) }, committee));
  const publish = async (id: number, publishAt?: string) => ok(await t.call(routes.publishArticle, { params: { id }, body: { publishAt } }, committee));
  /** Cached reads last a second of the server's clock and are served a second longer while reloading: step past both. */
  const nextSecond = () => t.clock.advance(2100);
  const feed = async (token = resident, query: { page?: number; pageSize?: number } = {}) => {
    nextSecond();
    return ok(await t.call(routes.feed, { query }, token));
  };

  it('seeds 幸福里社区 with a pinned notice, a policy explainer and a review', async () => {
    const seeded = await feed();
    expect(seeded.pinned.map((a) => a.title)).toEqual(['本周三上午小区停水通知']);
    expect(seeded.articles.items.map((a) => [a.kind, a.title])).toEqual([
      ['policy', '一图读懂：高龄津贴怎么领'],
      ['review', '中秋游园会圆满举办'],
    ]);
  });

  it('keeps the allowed HTML of a body, drops scripts, handlers, frames and images from elsewhere, and stores what it kept', async () => {
    const article = await create({
      coverUrl,
      body:
        `<h2>活动回顾</h2><p onclick="window.__xss=1">大家<strong>很开心</strong></p><script>window.__xss=1</script>` +
        `<img src="${imageUrl}" onerror="window.__xss=1"><img src="https://evil.example/a.jpg"><iframe src="https://evil.example"></iframe>` +
        `<a href="javascript:alert(1)">坏链接</a><ul><li>一</li></ul>`,
    });
    expect(article).toMatchObject({ status: 'draft', coverUrl, canManage: true, author: '幸福里社区居委会', readCount: 0, publishedAt: null });
    expect(article.body).toBe(
      `<h2>活动回顾</h2><p>大家<strong>很开心</strong></p><img src="${imageUrl}" alt="" />坏链接<ul><li>一</li></ul>`,
    );
    const row = await t.db.run((em) => em.findOneByOrFail(Article, { id: article.id }));
    expect(row.body).toBe(article.body);
  });

  it('refuses a cover from elsewhere, a link into another community, an empty body, and writing outside my scope', async () => {
    const refused = async (body: Partial<CreateArticle>, token = committee) => (await t.call(routes.createArticle, { body: input(body) }, token)).error;
    const stored = () => t.db.run((em) => em.count(Article));
    const before = await stored();
    expect(await refused({ coverUrl: 'https://evil.example/cover.jpg' })).toMatchObject({ code: 'ARTICLE_IMAGE_NOT_OURS', message: expect.stringMatching(/封面/) });
    // Looks like ours but was never uploaded.
    expect((await refused({ coverUrl: imageUrl.replace(/[a-f0-9]{32}/, 'f'.repeat(32)) }))?.code).toBe('ARTICLE_IMAGE_NOT_OURS');
    const elsewhere = Object.entries(c).find(([name]) => name !== '幸福里社区')![1];
    expect((await refused({ communityId: elsewhere }))?.code).toBe('OUT_OF_SCOPE');
    expect((await refused({}, resident))?.code).toBe('FORBIDDEN');
    // Longer than the column holds once sanitised; far too long is refused before it is even read.
    expect(await refused({ body: '<p>长</p>'.repeat(20_000) })).toMatchObject({ code: 'ARTICLE_BODY_TOO_LONG', message: expect.stringMatching(/正文太长/) });
    expect((await refused({ body: 'x'.repeat(250_000) }))?.code).toBe('VALIDATION_FAILED');
    expect(await stored()).toBe(before);

    const streetAdmin = await t.login('street-admin');
    const otherActivity = await publishedActivity(t, streetAdmin, elsewhere);
    expect((await refused({ activityId: otherActivity.id }))?.code).toBe('ARTICLE_LINK_INVALID');
    expect((await refused({ activityId: 999_999 }))?.code).toBe('ARTICLE_LINK_INVALID');
    expect((await refused({ pollId: 999_999 }))?.code).toBe('ARTICLE_LINK_INVALID');

    const empty = await create({ body: '<p><script>alert(1)</script> </p>' });
    const reply = await t.call(routes.publishArticle, { params: { id: empty.id }, body: {} }, committee);
    expect(reply.error).toMatchObject({ code: 'ARTICLE_EMPTY', message: expect.stringMatching(/正文/) });
    expect(reply.status).toBe(400);
  });

  it('publishes now: residents find it in the feed and the list, and each reader counts once a day', async () => {
    const draft = await create({ title: '电梯检修', kind: 'notice' });
    expect((await t.call(routes.getArticle, { params: { id: draft.id } }, resident)).error?.code).toBe('ARTICLE_NOT_FOUND');
    expect((await feed()).articles.items.map((a) => a.id)).not.toContain(draft.id);

    const published = await publish(draft.id);
    expect(published).toMatchObject({ status: 'published', updatedAt: null });
    expect((await t.call(routes.publishArticle, { params: { id: draft.id }, body: {} }, committee)).error?.code).toBe('ARTICLE_ALREADY_PUBLISHED');
    expect((await feed()).articles.items[0]).toMatchObject({ id: draft.id, title: '电梯检修', communityName: '幸福里社区' });
    nextSecond();
    expect(ok(await t.call(routes.listArticles, { query: { kind: 'notice' } }, resident)).items[0].id).toBe(draft.id);

    await t.call(routes.getArticle, { params: { id: draft.id } }, resident);
    await t.call(routes.getArticle, { params: { id: draft.id } }, resident);
    await t.call(routes.getArticle, { params: { id: draft.id } }, resident2);
    await t.app.get(ReadCounter).flush();
    nextSecond();
    const read = ok(await t.call(routes.getArticle, { params: { id: draft.id } }, resident));
    expect(read).toMatchObject({ readCount: 2, canManage: false, body: draft.body });
    t.clock.advance(DAY);
    await t.call(routes.getArticle, { params: { id: draft.id } }, resident);
    await t.app.get(ReadCounter).flush();
    nextSecond();
    expect(ok(await t.call(routes.getArticle, { params: { id: draft.id } }, resident2)).readCount).toBe(3);
    await t.app.get(ReadCounter).flush();
    expect(await t.db.run((em) => em.countBy(ArticleRead, { articleId: draft.id }))).toBe(4);
  });

  it('schedules: refuses a time in the past, hides it until its time, then it is live without anything running', async () => {
    const draft = await create({ title: '垃圾分类新规解读', kind: 'policy' });
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const refused = await t.call(routes.publishArticle, { params: { id: draft.id }, body: { publishAt: past } }, committee);
    expect(refused).toMatchObject({ status: 400, error: { code: 'ARTICLE_SCHEDULE_IN_PAST' } });

    const at = new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + 2 * HOURS).toISOString();
    expect(await publish(draft.id, at)).toMatchObject({ status: 'scheduled', publishedAt: at });
    expect((await t.call(routes.getArticle, { params: { id: draft.id } }, resident)).error?.code).toBe('ARTICLE_NOT_FOUND');
    expect((await feed()).articles.items.map((a) => a.id)).not.toContain(draft.id);
    const staffView = ok(await t.call(routes.listArticles, { query: { manage: 'true', status: 'scheduled' } }, committee));
    expect(staffView.items.map((a) => a.id)).toContain(draft.id);

    // Rescheduling before its time is allowed.
    const later = new Date(Date.parse(at) + HOURS).toISOString();
    expect(await publish(draft.id, later)).toMatchObject({ status: 'scheduled', publishedAt: later });

    t.clock.advance(3 * HOURS + 1000);
    expect((await feed()).articles.items[0]).toMatchObject({ id: draft.id, status: 'published', publishedAt: later });
    expect(ok(await t.call(routes.getArticle, { params: { id: draft.id } }, resident)).status).toBe('published');
    expect((await t.call(routes.publishArticle, { params: { id: draft.id }, body: {} }, committee)).error?.code).toBe('ARTICLE_ALREADY_PUBLISHED');
  });

  it('marks an edit after publishing as 更新于, and changes only what is sent', async () => {
    const article = await create({ title: '换届选举通知', pinned: false });
    const beforePublishing = ok(await t.call(routes.updateArticle, { params: { id: article.id }, body: { summary: '请大家参加' } }, committee));
    expect(beforePublishing).toMatchObject({ updatedAt: null, summary: '请大家参加', title: '换届选举通知' });
    await publish(article.id);
    t.clock.advance(60_000);
    const edited = ok(
      await t.call(routes.updateArticle, { params: { id: article.id }, body: { body: '<p>时间改到周六<img src=x onerror=alert(1)></p>' } }, committee),
    );
    expect(edited.body).toBe('<p>时间改到周六</p>');
    expect(edited.summary).toBe('请大家参加');
    expect(Date.parse(edited.updatedAt!)).toBeGreaterThan(Date.parse(edited.publishedAt!));
  });

  it('withdraws once, with its own answer for a second time and for a draft; a withdrawn article is gone for residents', async () => {
    const article = await create({ title: '临时通知' });
    expect((await t.call(routes.withdrawArticle, { params: { id: article.id } }, committee)).error?.code).toBe('ARTICLE_NOT_PUBLISHED');
    await publish(article.id);
    expect(ok(await t.call(routes.withdrawArticle, { params: { id: article.id } }, committee)).status).toBe('withdrawn');
    const twice = await t.call(routes.withdrawArticle, { params: { id: article.id } }, committee);
    expect(twice).toMatchObject({ status: 409, error: { code: 'ARTICLE_ALREADY_WITHDRAWN', message: '这篇文章已经撤回了' } });
    expect((await t.call(routes.getArticle, { params: { id: article.id } }, resident)).error?.code).toBe('ARTICLE_NOT_FOUND');
    expect((await feed()).articles.items.map((a) => a.id)).not.toContain(article.id);
    // Staff still see it, and may publish it again.
    expect(ok(await t.call(routes.getArticle, { params: { id: article.id } }, committee))).toMatchObject({ status: 'withdrawn', canManage: true });
    expect((await publish(article.id)).status).toBe('published');

    const actions = (await t.app.get(AuditRepository).list({ communityId: c['幸福里社区'] })).filter((e) => e.targetType === 'article' && e.targetId === article.id);
    expect(actions.map((e) => e.action)).toEqual(['article.create', 'article.publish', 'article.withdraw', 'article.publish']);
  });

  it('keeps staff of other communities and organisations out of an article', async () => {
    const article = await create({ title: '居委会的通知' });
    // 启航 serves 幸福里 but did not write this: the committee's article is not theirs to change.
    const byOrg = await t.call(routes.withdrawArticle, { params: { id: article.id } }, socialWorker);
    expect(byOrg.error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.publishArticle, { params: { id: article.id }, body: {} }, socialWorker)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.updateArticle, { params: { id: article.id }, body: { title: '改' } }, resident)).error?.code).toBe('FORBIDDEN');

    const own = ok(await t.call(routes.createArticle, { body: input({ title: '社工的活动预告', kind: 'preview' }) }, socialWorker));
    expect(own.author).toBe('启航社会工作服务中心');
    expect((await t.call(routes.publishArticle, { params: { id: own.id }, body: {} }, socialWorker)).error).toBeUndefined();
    // The committee manages everything in its community.
    expect(ok(await t.call(routes.getArticle, { params: { id: own.id } }, committee)).canManage).toBe(true);
  });

  it('makes one feed: pinned notices, upcoming activities with seats, the latest articles page by page; a linked activity shows on the article', async () => {
    // Later than every article the tests above published (their feed reads moved the clock on).
    t.clock.advance(HOURS);
    const activity = await publishedActivity(t, committee, c['幸福里社区'], { title: '重阳节包饺子' });
    const pinned = await create({ title: '置顶：疫苗接种', pinned: true });
    await publish(pinned.id);
    const preview = await create({ title: '包饺子活动预告', kind: 'preview', activityId: activity.id, coverUrl });
    await publish(preview.id);

    const first = await feed(resident, { pageSize: 2 });
    expect(first.pinned.map((a) => a.id)).toContain(pinned.id);
    expect(first.articles.items.map((a) => a.id)).not.toContain(pinned.id);
    expect(first.articles.items[0]).toMatchObject({ id: preview.id, coverUrl, activityId: activity.id });
    const listed = first.activities.find((a) => a.id === activity.id);
    expect(listed).toMatchObject({ seatState: 'open', seats: 10, seatsTaken: 0 });
    expect(first.activities.every((a) => ['open', 'not_open', 'waitlist'].includes(a.seatState))).toBe(true);
    expect(first.articles.total).toBeGreaterThan(2);

    const second = await feed(resident, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ pinned: [], activities: [], polls: [] });
    expect(second.articles.items.map((a) => a.id)).not.toEqual(first.articles.items.map((a) => a.id));

    const read = ok(await t.call(routes.getArticle, { params: { id: preview.id } }, resident));
    expect(read.activity).toMatchObject({ id: activity.id, title: '重阳节包饺子', seatState: 'open' });

    // A sign-up shows on the feed at once: activity writes drop the cached feed.
    ok(await t.call(routes.signUp, { params: { id: activity.id }, body: {} }, resident2));
    const after = ok(await t.call(routes.feed, { query: { pageSize: 2 } }, resident));
    expect(after.activities.find((a) => a.id === activity.id)?.seatsTaken).toBe(1);
  });

  it('sends the cached feed as JSON, its bytes serialised once and measured right', async () => {
    const token = await t.login('resident');
    const response = await fetch(`${await t.app.getUrl()}/api/feed?pageSize=2`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ articles: { page: 1, pageSize: 2 } });
  });

  it('shows staff who live elsewhere the feed of the communities they work in', async () => {
    const staffFeed = await feed(committee);
    expect(staffFeed.pinned.map((a) => a.title)).toContain('本周三上午小区停水通知');
    expect(staffFeed.articles.items.every((a) => a.communityName === '幸福里社区')).toBe(true);
  });

  it('answers a resident outside every community with an empty feed, and bad queries with 400', async () => {
    const newcomer = await t.login('newcomer');
    expect(await feed(newcomer)).toMatchObject({ pinned: [], activities: [], polls: [], articles: { items: [], total: 0 } });
    expect((await t.call(routes.feed, { query: { pageSize: 1000 } }, resident)).error?.code).toBe('VALIDATION_FAILED');
    expect((await t.call(routes.getArticle, { params: { id: 'x' as unknown as number } }, resident)).error?.code).toBe('VALIDATION_FAILED');
  });
});
