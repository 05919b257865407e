import { routes, type CreateArticle } from '@linli/shared';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { pollInput } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Rich text is refused cheaply when it could only be expensive: too long before it is parsed, too deeply nested
 * as soon as the parser sees it (CONTENT_TOO_COMPLEX). The worst bodies against /api/health are in the bench
 * (BENCH_ONLY=sanitiser).
 */
describe('rich-text limits', () => {
  let t: TestApp;
  let committee: string;
  let c: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    c = await communityIds(t);
  });
  afterAll(() => t.close());

  const article = (body: string) =>
    t.call(routes.createArticle, { body: { communityId: c['幸福里社区'], kind: 'notice', title: '格式测试', summary: '', body } as CreateArticle }, committee);

  it('refuses 64,000 nested <b> with CONTENT_TOO_COMPLEX and a message saying what to do', async () => {
    const reply = await article('<b>'.repeat(64_000));
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: 'CONTENT_TOO_COMPLEX', message: expect.stringMatching(/嵌套太多层/) });
  });

  it('refuses deep nesting of any element, closed or not, in a consultation’s background too', async () => {
    expect((await article('<ul><li>'.repeat(40) + '很深' + '</li></ul>'.repeat(40))).error?.code).toBe('CONTENT_TOO_COMPLEX');
    expect((await article('<blockquote>'.repeat(33))).error?.code).toBe('CONTENT_TOO_COMPLEX');
    const poll = await t.call(routes.createPoll, { body: pollInput(t, c['幸福里社区'], { background: '<p><b><i>'.repeat(20) }) }, committee);
    expect(poll.error?.code).toBe('CONTENT_TOO_COMPLEX');
  });

  it('keeps ordinary nesting (lists in quotes, bold in items) and cleans it as before', async () => {
    const body = '<blockquote><ul><li><p><strong><em>要点</em></strong></p></li></ul></blockquote>';
    expect(ok(await article(body)).body).toBe(body);
  });

  it('refuses a body far longer than could be stored before parsing it, with the length code', async () => {
    // 66,000 × 3 bytes of Chinese: within the schema's characters, over three times the stored limit.
    const reply = await article(`<p>${'长'.repeat(66_000)}</p>`);
    expect(reply).toMatchObject({ status: 400, error: { code: 'ARTICLE_BODY_TOO_LONG' } });
  });
});
