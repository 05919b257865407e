import type { Page } from 'playwright-core';
import { apiAs, loginAs, openTab, photo, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
/** What an attacker would paste into the body: each would set window.__xss if it ran. */
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><iframe srcdoc="<script>parent.__xss=3</script>"></iframe><a href="javascript:window.__xss=4">点我</a>';

/** The datetime-local value (China time, to the second) `seconds` from now. */
function chinaLocal(seconds: number): string {
  return new Date(Date.now() + 8 * 3600_000 + seconds * 1000).toISOString().slice(0, 19);
}

/**
 * The committee writes a preview with a cover, a picture in the body and a linked activity, and schedules it a
 * few seconds ahead (the server's clock is real here); it reaches a resident's 首页 at its time, she reads it and
 * goes on to sign up; nothing pasted into the body runs.
 */
describe('article journey (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  let activityId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`article-journey-${server.databaseKind}`, { payloadsBlocked: true });
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The staff console is used on a desktop.
    const { items } = await apiAs<{ items: { id: number; name: string }[] }>(server.baseUrl, 'committee', 'GET', '/communities');
    const xingfuli = items.find((c) => c.name === '幸福里社区')!.id;
    const created = await apiAs<{ id: number }>(server.baseUrl, 'committee', 'POST', '/activities', {
      communityId: xingfuli,
      title: '重阳节包饺子',
      category: 'elderly_care',
      place: '幸福里社区活动室',
      startsAt: minutes(3 * 24 * 60),
      endsAt: minutes(3 * 24 * 60 + 120),
      signupOpensAt: minutes(-60),
      signupClosesAt: minutes(2 * 24 * 60),
      cancelDeadline: minutes(2 * 24 * 60),
      seats: 30,
    });
    await apiAs(server.baseUrl, 'committee', 'POST', `/activities/${created.id}/publish`);
    activityId = created.id;
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const el = (selector: string) => page.locator(v(selector));
  let articleId: number;

  it('staff write a preview with pictures and a linked activity, and schedule it', async () => {
    await loginAs(page, server.baseUrl, 'committee');
    await openTab(page, '我的');
    await el('#mine-staff-home').click();
    await el('#staff-tools').waitFor();
    await phone.shot('staff-home');
    await el('#staff-tool-articles').click();
    await el('#article-create').waitFor();
    await phone.shot('staff-articles-empty');
    await el('#article-create').click();
    await el('#article-form').waitFor();

    await el('#article-kind-preview').click();
    await el('#article-title-input input').fill('重阳节包饺子，欢迎报名');
    await el('#article-summary textarea').fill('三天后上午，社区活动室，还有名额');
    const cover = page.waitForEvent('filechooser');
    await el('#form-cover-choose').click();
    await (await cover).setFiles({ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
    await el('#form-cover-preview').waitFor();

    const body = el('#article-body-editor');
    await body.click();
    await el('#body-tool-h2').click();
    await page.keyboard.type('活动安排');
    await page.keyboard.press('Enter');
    await el('#body-tool-p').click();
    await page.keyboard.type('上午九点开始，大家一起包饺子，');
    await el('#body-tool-bold').click();
    await page.keyboard.type('请带上围裙');
    await el('#body-tool-bold').click();
    await page.keyboard.press('Enter');
    const picture = page.waitForEvent('filechooser');
    await el('#body-tool-image').click();
    await (await picture).setFiles({ name: 'dumplings.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
    await body.locator('img').waitFor();
    // Pasted from somewhere unsafe: the server must make it harmless.
    await body.evaluate((node, html) => {
      node.insertAdjacentHTML('beforeend', html);
      node.dispatchEvent(new Event('input', { bubbles: true }));
    }, XSS);

    await el(`#article-activity-${activityId}`).click();
    await el('#article-when-later').click();
    // A few seconds ahead: the e2e server runs on the real clock.
    await el('#article-when-input').fill(chinaLocal(20));
    await phone.shot('article-form');
    await el('#article-submit').click();

    await el('#staff-article-list').waitFor();
    const card = el('#staff-article-list .article-card').first();
    await card.getByText('定时发布', { exact: true }).waitFor();
    articleId = Number((await card.getAttribute('id'))!.replace('article-', ''));
    await phone.shot('staff-articles-scheduled');
  });

  it('reaches a resident’s 首页 at its time, and she reads it without any injected script running', async () => {
    await loginAs(page, server.baseUrl, 'resident');
    await el('#home-feed').waitFor();
    expect(await el(`#feed-articles #article-${articleId}`).count()).toBe(0);
    await el(`#feed-activities #activity-${activityId}`).waitFor();
    await phone.shot('home-before');

    await page.waitForTimeout(21_000);
    await page.reload();
    await el(`#feed-articles #article-${articleId}`).waitFor({ timeout: 15_000 });
    await phone.shot('home-feed');

    await el(`#feed-articles #article-${articleId}`).click();
    await el('#article-body').waitFor();
    await el('#article-body img').waitFor();
    await el('#article-activity').waitFor();
    await phone.shot('article');

    expect(await el('#article-title').textContent()).toContain('重阳节包饺子，欢迎报名');
    const body = el('#article-body');
    expect(await body.locator('h2').textContent()).toContain('活动安排');
    expect(await body.locator('strong, b').allTextContents()).toEqual(['请带上围裙']);
    expect(await body.locator('img').count()).toBe(1);
    expect(await body.locator('script, iframe, [onerror]').count()).toBe(0);
    expect(await body.locator('a').count()).toBe(0);
    expect(await el('#article-meta').textContent()).toMatch(/发布于/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await el('#article-signup').click();
    await el('#activity-main-action').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await phone.shot('activity-from-article');
    expect(pageErrors).toEqual([]);
  });

  it('pulls a hostile activity’s title and cover into a review as text: nothing runs', async () => {
    const hostileTitle = '<img src=x onerror="window.__xss=1">';
    // A cover that breaks out of its attribute. The server refuses such a cover now (IMAGE_NOT_OURS /
    // VALIDATION_FAILED), so it is put into the list answer here, as if stored before that check.
    const hostileCover = '/nothing.png" onerror="window.__xss=2';
    const { items } = await apiAs<{ items: { id: number; name: string }[] }>(server.baseUrl, 'committee', 'GET', '/communities');
    const hostile = await apiAs<{ id: number }>(server.baseUrl, 'committee', 'POST', '/activities', {
      communityId: items.find((c) => c.name === '幸福里社区')!.id,
      title: hostileTitle,
      category: 'other',
      place: '幸福里社区活动室',
      startsAt: minutes(2 * 24 * 60),
      endsAt: minutes(2 * 24 * 60 + 60),
      signupOpensAt: minutes(-60),
      signupClosesAt: minutes(24 * 60),
      cancelDeadline: minutes(24 * 60),
      seats: 12,
    });
    await apiAs(server.baseUrl, 'committee', 'POST', `/activities/${hostile.id}/publish`);
    await page.route(/\/api\/activities\?/, async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { items: { id: number; coverUrl: string | null }[] };
      for (const item of json.items) if (item.id === hostile.id) item.coverUrl = hostileCover;
      await route.fulfill({ response, json });
    });

    await loginAs(page, server.baseUrl, 'committee');
    await openTab(page, '我的');
    await el('#mine-staff-home').click();
    await el('#staff-tool-articles').click();
    await el('#article-create').click();
    await el('#article-form').waitFor();
    await el('#article-kind-review').click();
    await el(`#article-activity-${hostile.id}`).click();
    await el('#article-pull-figures').click();
    const body = el('#article-body-editor');
    await body.getByText('到场签到').first().waitFor();
    // Give a broken image time to fire its error event, had it been given a handler.
    await body.locator('img').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    await phone.shot('article-review-hostile-activity');

    expect(await body.textContent()).toContain(`「${hostileTitle}」于`);
    expect(await body.locator('img').count()).toBe(1);
    expect(await body.locator('img').getAttribute('src')).toBe(hostileCover);
    expect(await body.locator('[onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.unroute(/\/api\/activities\?/);
    expect(pageErrors).toEqual([]);
  });
});
