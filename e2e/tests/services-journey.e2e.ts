import type { Page } from 'playwright-core';
import { loginAs, visible as v } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Delegated services (issue 13) in the H5 build: the committee builds a contract with two items and a register at
 * a desk (1366×900); the social worker logs three visits on a phone (390×844) and sees who is due; the progress
 * pages show done against target, the bands in words and the overdue elders. Screenshots under
 * e2e/artifacts/services-<db>/.
 */
describe('delegated services: catalogue, visits and progress (H5 in Chromium)', () => {
  let server: RunningServer;
  let phone: Phone;
  let page: Page;
  const pageErrors: string[] = [];
  const el = (selector: string) => page.locator(v(selector));
  const input = (id: string) => el(`#${id}`).locator('input, textarea').first();
  /** A big choice button inside a field, by its words (a chosen one reads “✓ words” and stays chosen). */
  const choose = (field: string, label: string) =>
    el(`#${field}`)
      .getByText(new RegExp(`^(✓ )?${label.replace(/[()（）.]/g, '\\$&')}$`))
      .click();

  const CONTRACT = '幸福里独居老人关爱服务（试点）';
  const VISITS = '独居老人入户探访';
  const GROUP = '独居老人互助小组';
  const ELDERS = ['李桂芳', '张福海', '何玉珍'];
  // China's calendar day: a contract that started two months ago and runs a year.
  const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await startServer();
    phone = await openPhone(`services-${server.databaseKind}`);
    page = phone.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  /** Staff reach 委托服务 from the 工作台 (the side navigation at a desk, the tool list on a phone). */
  const openServices = async () => {
    await page.locator('#home-staff-entry').click();
    await el('#staff-tool-services').click();
    await page.waitForURL(/services\/contracts/);
  };

  /** The progress page of a contract from the contracts list, by its title. */
  const openContract = async (title: string) => {
    const row = el('#contract-table').locator('[role=row]', { hasText: title });
    await row.getByText('项目和进度').click();
    await el('#contract-summary').getByText(title).waitFor();
  };

  const addItem = async (fill: () => Promise<void>, name: string) => {
    await el('#item-new').click();
    await el('#item-form').waitFor();
    await input('item-name').fill(name);
    await fill();
    await choose('item-workers', '陈社工');
    await el('#item-save').click();
    // Back on the progress page, which reads again: the new item is in the table.
    await el('#progress-table').getByText(name).waitFor();
  };

  it('lets the committee build a contract with two items and a register of elders at a desk', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAs(page, server.baseUrl, 'committee');
    await openServices();
    await el('#contract-table').getByText('幸福里社区委托转移服务项目（年度）').waitFor();
    await phone.shot('committee-contracts');

    await el('#contract-new').click();
    await input('contract-title').fill(CONTRACT);
    expect(await el('#contract-buyer').getByText('✓ 幸福里社区').count()).toBe(1);
    await choose('contract-provider', '启航社会工作服务中心');
    await input('contract-start').fill(chinaDay(-61));
    await input('contract-end').fill(chinaDay(303));
    await input('contract-amount').fill('120000');
    await phone.shot('committee-contract-form');
    await el('#contract-save').click();
    await page.getByText(`已建立“${CONTRACT}”，接下来添加服务项目`).waitFor();
    await openContract(CONTRACT);
    await el('#item-new').waitFor();
    await phone.shot('committee-progress-empty');

    await addItem(async () => {
      await input('item-description').fill('对独居老人定期入户探访，看身体、用药、用电用气安全。');
      await choose('item-group', '独居老人');
      await choose('item-unit', '户次');
      await input('item-target').fill('120');
      await el('#tier-add').click();
      await el('#tier-add').click();
      await input('tier-name-0').fill('高风险');
      await input('tier-days-0').fill('7');
      await input('tier-name-1').fill('一般');
      await input('tier-days-1').fill('90');
      await phone.shot('committee-item-form');
    }, VISITS);
    await addItem(async () => {
      await choose('item-group', '独居老人');
      await choose('item-unit', '场次');
      await input('item-target').fill('24');
    }, GROUP);
    await phone.shot('committee-progress-items');

    await el('#progress-table').locator('[role=row]', { hasText: VISITS }).getByText('名册').click();
    await el('#register-add').waitFor();
    for (const [n, name] of ELDERS.entries()) {
      await el('#register-add').click();
      await input('beneficiary-name').fill(name);
      await choose('beneficiary-tier', n === 2 ? '一般（每90天）' : '高风险（每7天）');
      if (n === 0) {
        await choose('household-picker', '1栋');
        await choose('household-picker', '1单元');
        await choose('household-picker', '101');
        await input('beneficiary-phone').fill('13900003001');
        await input('beneficiary-notes').fill('独居，腿脚不便，子女在外地');
        await phone.shot('committee-register-form');
      }
      await el('#beneficiary-save').click();
      await page.getByText(`已把“${name}”加进名册`).waitFor();
    }
    const register = el('#register-table');
    for (const name of ELDERS) await register.getByText(name).waitFor();
    expect(await register.getByText('139****3001').count()).toBe(1);
    await phone.shot('committee-register');
    expect(pageErrors).toEqual([]);
  });

  it('lets a social worker log three visits on a phone in a few taps, due elders first', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs(page, server.baseUrl, 'social-worker');
    await openServices();
    await phone.shot('worker-contracts');
    await el('#go-log').click();
    await el('#log-item').getByText(VISITS).waitFor();
    await phone.shot('worker-log-empty');

    for (const [n, name] of ELDERS.entries()) {
      // Item (kept after the first), person, how long, save: the form (探访) and the day (今天) are already right.
      if (n === 0) await choose('log-item', VISITS);
      await choose('log-beneficiary', name);
      expect(await el('#log-form').getByText('✓ 探访').count()).toBe(1);
      expect(await el('#log-day').getByText('✓ 今天').count()).toBe(1);
      await choose('log-minutes', n === 1 ? '1小时' : '45分钟');
      if (n === 0) await phone.shot('worker-log-filled');
      await el('#log-submit').click();
      await el('#log-done').getByText(`今天，为${name}做了探访`).waitFor();
      if (n === 0) await phone.shot('worker-log-done');
      if (n === 1) {
        // A slip (it was an hour and a half) is put right on the spot: void, correct the one choice, save again.
        await el('#log-void').click();
        await el('#log-void-confirm').click();
        await el('#log-voided').getByText('刚才那条已作废，改好后再保存').waitFor();
        expect(await el('#log-beneficiary').getByText(`✓ ${name}`).count()).toBe(1);
        await phone.shot('worker-log-voided');
        await choose('log-minutes', '1.5小时');
        await el('#log-submit').click();
        await el('#log-done').getByText(`今天，为${name}做了探访，90分钟`).waitFor();
      }
      if (n < 2) await el('#log-again').click();
    }

    await el('#log-tasks').click();
    const tasks = el('.ll-card').filter({ hasText: '记录探访' });
    await tasks.first().waitFor();
    // Nearest due first: the seeded elders whose visits stopped are overdue and on top.
    expect(await tasks.first().innerText()).toMatch(/已逾期\d+天/);
    const days = (await tasks.allInnerTexts()).map((t) => {
      const m = /已逾期(\d+)天|(\d+)天后到期|今天到期/.exec(t)!;
      return m[1] ? -Number(m[1]) : Number(m[2] ?? 0);
    });
    expect(days).toEqual([...days].sort((a, b) => a - b));
    // Visited today under the 7-day rule: due again in a week, last of the list.
    const visited = tasks.filter({ hasText: ELDERS[0] });
    expect(await visited.innerText()).toContain('7天后到期');
    expect(await visited.innerText()).toContain(`上次探访：${chinaDay(0)}`);
    await phone.shot('worker-tasks');

    // One tap from the task to its visit form, the person already chosen.
    const first = tasks.first();
    const due = (await first.locator('.ll-heading').innerText()).trim();
    await first.getByText('记录探访').click();
    await el('#log-beneficiary').getByText(`✓ ${due}（已逾期）`).waitFor();
    await phone.shot('worker-log-from-task');
    expect(pageErrors).toEqual([]);
  });

  it('shows the committee the progress: done against target, the band in words, the overdue elders', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAs(page, server.baseUrl, 'committee');
    await openServices();
    await openContract(CONTRACT);
    const visits = el('#progress-table').locator('[role=row]', { hasText: VISITS });
    await visits.getByText('3 户次（3%）').waitFor();
    expect(await visits.innerText()).toMatch(/严重滞后（0分）/);
    await visits.getByText('详情').click();
    await el('#item-detail').getByText('高风险').waitFor();
    const detail = await el('#item-detail').innerText();
    expect(detail).toContain('已完成');
    expect(detail).toContain('每7天一次，共2人');
    expect(detail).toContain('每90天一次，共1人');
    await phone.shot('committee-progress-new');

    // The season-old contract: its elders whose visits stopped are overdue, in words and by tier.
    await page.goBack();
    await openContract('幸福里社区委托转移服务项目（年度）');
    const seeded = el('#progress-table').locator('[role=row]', { hasText: '高龄老人入户探访' });
    expect(await seeded.innerText()).toMatch(/[1-9]\d* 人/);
    expect(await seeded.innerText()).toMatch(/达标|基本达标|进度偏慢|严重滞后/);
    await seeded.getByText('详情').click();
    await el('#item-tiers').getByText(/逾期 \d+ 人/).first().waitFor();
    await phone.shot('committee-progress-overdue');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await el('#contract-summary').waitFor();
    await el('.svc-overdue').first().waitFor();
    // Done and expected-by-now are compared by the length of their bars: the tracks must be equally long.
    const tracks = await el('[id^=item-bars-]').first().locator('.stats-track').evaluateAll((ts) => ts.map((t) => Math.round(t.getBoundingClientRect().width)));
    expect(tracks).toHaveLength(2);
    expect(tracks[0]).toBe(tracks[1]);
    await phone.shot('committee-progress-phone');
    expect(pageErrors).toEqual([]);
  });
});
