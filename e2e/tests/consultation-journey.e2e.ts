import type { Page } from 'playwright-core';
import { apiAs, loginAs, openPage, openTab, photo, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const TITLE = '3栋门前增设休闲座椅';
const STATEMENT = '经居民投票，同意在3栋门前增设两张休闲座椅，居委会将于下月安装。';
const OPINION = '希望座椅带靠背，方便老人起身';

/**
 * The committee writes and opens a consultation in the H5 app; three residents vote (results stay hidden while
 * voting runs); the committee closes it and publishes the 公示; a resident reads it in 大字模式. Every page
 * visited is saved under e2e/artifacts/consultation-journey-<db>/.
 */
describe('consultation journey (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  let pollId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`consultation-journey-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const el = (selector: string) => page.locator(v(selector));
  const openPoll = async () => {
    await openPage(page, server.baseUrl, 'poll', { id: pollId });
    await el('#poll-state').waitFor();
  };

  it('lets the committee write a consultation as a draft and open it', async () => {
    await loginAs(page, server.baseUrl, 'committee');
    await openTab(page, '议事');
    await el('#poll-create').waitFor();
    await phone.shot('committee-consult-tab');

    await el('#poll-create').click();
    await el('#poll-form-title input').fill(TITLE);
    // The background is written with the articles' editor, a photo of the spot included.
    await el('#poll-form-background').click();
    await page.keyboard.type('3栋门前常有老人歇脚，但没有座椅。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('居委会提议用社区公益金增设两张休闲座椅。');
    await page.keyboard.press('Enter');
    const picture = page.waitForEvent('filechooser');
    await el('#body-tool-image').click();
    await (await picture).setFiles({ name: 'spot.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
    await el('#poll-form-background img').waitFor();
    await el('#pq-0-title input').fill('您是否同意在3栋门前增设休闲座椅？');
    await el('#pq-0-add-option').click();
    await el('#pq-0-option-2 input').fill('弃权');
    await el('#poll-form-minBallots input').fill('3');
    await el('#poll-form-opinions-on').click();
    await phone.shot('committee-form');
    await el('#poll-form-save').click();

    await page.waitForURL(/packages\/poll\/detail/);
    pollId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('id'));
    expect(pollId).toBeGreaterThan(0);
    await el('#poll-state').getByText('草稿').waitFor();
    await phone.shot('committee-draft');

    await el('#poll-open').click();
    await el('#poll-open-confirm').waitFor();
    await phone.shot('committee-open-confirm');
    await el('#poll-open-confirm').click();
    await el('#poll-staff-message').getByText('已发布').waitFor();
    await el('#poll-state').getByText('投票中').waitFor();
  });

  it('lets three residents vote in three taps, with results hidden until the vote closes', async () => {
    for (const [persona, option] of [
      ['resident', '同意'],
      ['resident2', '同意'],
      ['volunteer', '不同意'],
    ] as const) {
      await loginAs(page, server.baseUrl, persona);
      await openTab(page, '议事');
      await el(`#poll-${pollId}`).waitFor();
      if (persona === 'resident') await phone.shot('resident-consult-tab');
      await el(`#poll-${pollId}`).click();
      await el('#poll-eligibility').getByText('您可以投票').waitFor();
      if (persona === 'resident') {
        await el('#poll-background').getByText('居委会提议用社区公益金增设两张休闲座椅。').waitFor();
        expect(await el('#poll-background img').getAttribute('src')).toMatch(/\/uploads\/[0-9a-f]{32}\/body\.jpg$/);
        await phone.shot('resident-poll');
      }

      await el('#poll-questions').getByText(option, { exact: true }).click();
      if (persona === 'resident') await phone.shot('resident-chosen');
      if (persona === 'resident') await el('#poll-opinion textarea').fill(OPINION);
      await el('#poll-vote').click();
      await el('#poll-vote-confirm').waitFor();
      if (persona === 'resident') await phone.shot('resident-vote-confirm');
      await el('#poll-vote-confirm').click();
      await el('#poll-receipt').getByText('您的选票已经计入，不能再修改。').waitFor();
      const code = await el('#poll-receipt-code').getAttribute('data-code');
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

      if (persona === 'resident') {
        await phone.shot('resident-receipt');
        await el('#poll-receipt-check').click();
        await el('#receipt-code input').waitFor();
        expect(await el('#receipt-code input').inputValue()).toBe(code);
        await el('#receipt-check').click();
        await el('#receipt-outcome').getByText('已计入').waitFor();
        await phone.shot('resident-receipt-checked');
        await page.goBack();
      }

      await el('#poll-receipt-done').click();
      await el('#poll-my-vote').getByText('已投票').waitFor();
      await el('#poll-results-hidden').getByText('投票结束后公布结果').waitFor();
      expect(await el('#poll-results-card').innerText()).not.toContain('票 ·');
      if (persona === 'resident') await phone.shot('resident-voted');
    }
  });

  it('lets the committee watch turnout, close early, publish the 公示 and export the results', async () => {
    await loginAs(page, server.baseUrl, 'committee');
    // The server serves results from a short cache (a stale copy once past its TTL): look again until fresh.
    await openPoll();
    for (let attempt = 0; ; attempt++) {
      if (attempt) {
        await page.reload();
        await el('#poll-state').waitFor();
      }
      const turnout = await el('#poll-staff-turnout').innerText();
      if (turnout.includes('已投 3 票') || attempt === 5) break;
      await page.waitForTimeout(1200);
    }
    await el('#poll-staff-turnout').getByText('已投 3 票').waitFor({ timeout: 1000 });
    await phone.shot('committee-turnout');

    await el('#poll-paper').click();
    await el('#paper-building-1栋').click();
    await el('#paper-unit-1单元').click();
    await el('#paper-room-101').click();
    await el('#paper-voter').getByText('已投票（网上投票）').waitFor();
    await phone.shot('committee-paper-ballot');
    await page.goBack();

    await el('#poll-close').click();
    await el('#poll-close-confirm').click();
    await el('#poll-state').getByText('已结束').waitFor();
    await el('#poll-results').getByText('同意（通过）').waitFor();
    await phone.shot('committee-closed');

    await el('#poll-opinions').click();
    await el('#opinion-list').getByText(OPINION).waitFor();
    await phone.shot('committee-opinions');
    await page.goBack();

    await el('#poll-publish').click();
    await el('#poll-statement textarea').fill(STATEMENT);
    await phone.shot('committee-publish-dialog');
    await el('#poll-publish-confirm').click();
    await el('#poll-publication').getByText(STATEMENT).waitFor();
    await el('#poll-state').getByText('已公示').waitFor();
    await phone.shot('committee-published');

    const download = page.waitForEvent('download');
    await el('#poll-export').click();
    expect((await download).suggestedFilename()).toBe(`投票结果-${TITLE}.xlsx`);
  });

  it('shows residents the 公示 with the statement, counts and verdict, also in 大字模式', async () => {
    await loginAs(page, server.baseUrl, 'resident');
    await openTab(page, '我的');
    await el('#elder-mode-toggle').click();
    await openTab(page, '议事');
    // The demo consultation runs with live results: two ballots so far, below its minimum of three.
    await el('#poll-list').getByText('小区南门增设电动自行车充电棚').click();
    await el('#poll-results-hidden').getByText('票数达到 3 张后公布各选项票数').waitFor();
    await phone.shot('resident-demo-poll-elder');
    await el('#poll-questions').getByText('夜间照明').scrollIntoViewIfNeeded();
    await phone.shot('resident-demo-ballot-elder');
    await el('#poll-results-card').scrollIntoViewIfNeeded();
    await phone.shot('resident-demo-results-elder');
    await page.goBack();
    await page.locator('.nut-tabs-titles-item', { hasText: '已结束' }).click();
    await el(`#poll-${pollId}`).getByText('已公示').waitFor();
    await phone.shot('resident-closed-tab-elder');

    await el(`#poll-${pollId}`).click();
    await el('#poll-publication').getByText(STATEMENT).waitFor();
    const notice = await el('#poll-publication').innerText();
    expect(notice).toContain('2 票 · 66.7%');
    expect(notice).toContain('1 票 · 33.3%');
    expect(notice).toContain('结果：通过');
    await phone.shot('resident-publication-elder');

    const inbox = await apiAs<{ items: { kind: string; pollId?: number | null }[] }>(server.baseUrl, 'resident', 'GET', '/me/inbox');
    expect(inbox.items.filter((i) => i.pollId === pollId).map((i) => i.kind)).toEqual(expect.arrayContaining(['poll_opened', 'poll_published']));
    expect(pageErrors).toEqual([]);
  });
});
