import type { PageName } from '@linli/shared';
import type { Page } from 'playwright-core';
import { apiAs, loginAs as login, visible } from '../support/app.js';
import { openPhone, type Phone } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Setting up the street at a desk (1366×900): the street admin imports households with a preview, registers an
 * organisation, and the committee approves a group's 备案 application. Screenshots under
 * e2e/artifacts/street-setup-<db>/.
 */
describe('street setup at a desk (H5 in Chromium)', () => {
  let server: RunningServer;
  let desk: Phone;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    desk = await openPhone(`street-setup-${server.databaseKind}`);
    page = desk.page;
    await page.setViewportSize({ width: 1366, height: 900 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  /** Staff reach every tool from the 工作台; at a desk through its side navigation, which marks where they are. */
  const openTool = async (name: PageName) => {
    await page.locator('#home-staff-entry').click();
    await page.locator(visible('#staff-tools')).waitFor();
    await page.locator(visible(`#staff-nav-${name}`)).click();
    await page.locator(visible(`#staff-nav-${name}[aria-current=page]`)).waitFor();
  };

  it('imports households after a preview and registers an organisation, in tables', async () => {
    await login(page, server.baseUrl, 'street-admin');
    await page.locator('#home-staff-entry').click();
    await page.locator(visible('#staff-tools')).waitFor();
    await desk.shot('staff-home');
    await page.locator(visible('#staff-nav-staffCommunities')).click();
    await page.locator(visible('#staff-nav-staffCommunities[aria-current=page]')).waitFor();
    await page.locator(visible('#community-table')).getByText('幸福里社区').waitFor();
    await desk.shot('communities-table');

    await page.locator(visible('#community-create')).locator('input').first().fill('新华社区');
    await page.locator(visible('#community-create-submit')).click();
    await page.getByText('已建立“新华社区”').waitFor();
    await page.locator(visible('#household-import-text')).locator('textarea').fill('楼栋,单元,房号\n1栋,1单元,101\n1栋,1单元,102');
    await page.locator(visible('#household-import-preview-button')).click();
    await page.locator(visible('#household-import-preview')).getByText('将新建 2 户').waitFor();
    await desk.shot('household-preview');
    await page.locator(visible('#household-import-commit')).click();
    await page.locator(visible('#household-import-done')).getByText('已导入：新建 2 户').waitFor();

    // The side navigation also answers the keyboard.
    await page.locator(visible('#staff-nav-staffOrganisations')).focus();
    await page.keyboard.press('Enter');
    await page.locator(visible('#organisation-table')).getByText('启航社会工作服务中心').first().waitFor();
    await desk.shot('organisations-table');
    await page.locator(visible('#organisation-new')).click();
    await page.locator(visible('#org-name')).locator('input').fill('新华读书会');
    await page.locator(visible('#org-communities')).getByText('新华社区').click();
    await page.locator(visible('#org-stage')).getByText('孵化中').click();
    await desk.shot('organisation-form');
    await page.locator(visible('#organisation-save')).click();
    await page.getByText('已保存“新华读书会”').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('lets the committee approve a group\'s 备案 application at the desk', async () => {
    const communities = await apiAs<{ items: { id: number; name: string }[] }>(server.baseUrl, 'resident', 'GET', '/communities');
    const xingfuli = communities.items.find((c) => c.name === '幸福里社区')!.id;
    await apiAs(server.baseUrl, 'resident', 'POST', '/organisation-applications', {
      communityId: xingfuli,
      name: '幸福里合唱团',
      leader: '高歌',
      membersCount: 18,
      activities: '每周一晚上练合唱。',
      venue: '社区活动室',
    });
    await login(page, server.baseUrl, 'committee');
    await openTool('staffOrgApplications');
    const table = page.locator(visible('#application-table'));
    await table.getByText('幸福里合唱团').waitFor();
    await desk.shot('applications-table');
    await table.locator('[role=row]', { hasText: '幸福里合唱团' }).getByText('通过', { exact: true }).click();
    await page.locator(visible('#application-decide-confirm')).click();
    await page.getByText('已通过，“幸福里合唱团”已列入组织名录').waitFor();
    await desk.shot('application-approved');
    expect(pageErrors).toEqual([]);
  });

  it('registers a resident without a smartphone at the desk and signs them up for them (代办)', async () => {
    await page.locator(visible('#staff-nav-staffManaged')).click();
    await page.locator(visible('#managed-register')).waitFor();
    await page.locator(visible('#managed-name')).locator('input').fill('孙爷爷');
    await page.locator(visible('#managed-building')).getByText('2栋', { exact: true }).click();
    await page.locator(visible('#managed-unit')).getByText('1单元', { exact: true }).click();
    await page.locator(visible('#managed-room')).getByText('101', { exact: true }).click();
    await page.locator(visible('#managed-register-submit')).click();
    await page.getByText('已登记“孙爷爷”，现在可以为他（她）代报名了').waitFor();
    const card = page.locator(visible('.managed-card'), { hasText: '孙爷爷' });
    await card.getByText('为他（她）代报名').click();
    await card.getByText(/太极拳晨练/).first().click();
    await card.getByText('确认代报名').click();
    await card.getByText('已为孙爷爷代报名：已报名').waitFor();
    await desk.shot('managed-signed-up');
    await card.getByText('生成接管码').click();
    await card.getByText(/接管码：[A-Z0-9]{12}/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
