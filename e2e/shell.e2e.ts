import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  login,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
  startServer,
  submitLogin,
  type RunningServer,
} from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const orgNode = (page: Page, name: string) => page.locator(`[data-testid="org-node"][data-name="${name}"]`);
/** antd puts a space between two CJK characters on a button ("提 交"), so match both forms. */
const cjkButton = (text: string) => new RegExp(text.split('').join('\\s?'));

async function openOrgsFromMenu(page: Page) {
  await page.getByRole('menuitem', { name: /组织体系/ }).click();
  await page.waitForURL('**/orgs');
  await page.getByTestId('org-tree').waitFor();
}

describe('web shell', () => {
  test('admin sees the org tree, then creates and renames a branch under a community', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#username').waitFor();
    await saveScreenshot(page, 'login-desktop');

    await login(page, 'admin');
    await expect.poll(() => page.getByTestId('street-name').textContent()).toBe('京城路街道');
    await expect.poll(() => page.getByTestId('user-roles').textContent()).toBe('街道管理员');

    await openOrgsFromMenu(page);
    await orgNode(page, '京城路街道党工委').waitFor();
    await orgNode(page, '石寨村党总支').waitFor();
    await orgNode(page, '铁龙社区党总支').waitFor();
    const villages = page.locator('.ant-tree-treenode', { has: page.locator('.ant-tag', { hasText: /^村党组织$/ }) });
    const communities = page.locator('.ant-tree-treenode', { has: page.locator('.ant-tag', { hasText: /^社区党组织$/ }) });
    expect(await villages.count()).toBe(8);
    expect(await communities.count()).toBe(13);
    await saveScreenshot(page, 'org-tree-desktop');

    // Create a branch under 铁龙社区.
    await orgNode(page, '铁龙社区党总支').click();
    await expect.poll(() => page.getByTestId('org-details-name').textContent()).toBe('铁龙社区党总支');
    await page.getByRole('button', { name: /新建下级/ }).click();
    const createDialog = page.getByRole('dialog');
    // The context asks for reduced motion (as the test contexts all do): the dialog opens without a zoom.
    await createDialog.waitFor();
    expect(await createDialog.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
    await createDialog.locator('#name').fill('铁龙社区第九党支部');
    await createDialog.getByRole('button', { name: cjkButton('提交') }).click();
    await page.locator('.ant-message').getByText('已新建组织').waitFor();
    await orgNode(page, '铁龙社区第九党支部').waitFor();
    await expect.poll(() => page.getByTestId('org-details-name').textContent()).toBe('铁龙社区第九党支部');
    const newNode = page.locator('.ant-tree-treenode', { has: orgNode(page, '铁龙社区第九党支部') });
    await expect.poll(() => newNode.locator('.ant-tag').first().textContent()).toBe('党支部');

    // Rename it.
    await page.getByRole('button', { name: /重命名/ }).click();
    const renameDialog = page.getByRole('dialog');
    await renameDialog.locator('#name').fill('铁龙社区退役军人党支部');
    await renameDialog.getByRole('button', { name: cjkButton('提交') }).click();
    await orgNode(page, '铁龙社区退役军人党支部').waitFor();
    expect(await orgNode(page, '铁龙社区第九党支部').count()).toBe(0);
    await expect.poll(() => page.getByTestId('org-details-name').textContent()).toBe('铁龙社区退役军人党支部');

    // The history shows both versions.
    await page.getByRole('button', { name: /变更历史/ }).click();
    const history = page.locator('.ant-drawer-body');
    await history.getByText('更名').waitFor();
    await history.getByText('设立').waitFor();
    await context.close();
  });

  test('a wrong password shows the Chinese error message', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await submitLogin(page, 'admin', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  test('on a phone a member opens the menu from a drawer and gets no org write buttons', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#username').waitFor();
    await saveScreenshot(page, 'login-phone');

    await login(page, 'dangyuan');
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByTestId('menu-toggle').click();
    const drawerMenu = page.locator('.ant-drawer-body .ant-menu');
    await drawerMenu.waitFor();
    const orgsItem = drawerMenu.getByRole('menuitem', { name: /组织体系/ });
    if ((await orgsItem.count()) > 0) {
      await orgsItem.click();
      await page.waitForURL('**/orgs');
      await drawerMenu.waitFor({ state: 'hidden' });
    } else {
      await page.goto('/orgs');
    }
    await page.getByTestId('org-details').or(page.locator('.ant-result')).first().waitFor();
    for (const label of ['新建下级', '重命名', '调整隶属', '撤销']) {
      expect(await page.getByRole('button', { name: cjkButton(label) }).count(), label).toBe(0);
    }
    // Nothing is wider than the phone.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'org-tree-phone');
    await context.close();
  });

  test('on a phone the phone pages open in the light shell, after a login, and the antd app is one page load away both ways', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    // Signed out: the phone shell's session check sends the member to the login page and back.
    await page.goto('/points/mine');
    await page.waitForURL('**/login?next=%2Fpoints%2Fmine');
    await submitLogin(page, 'dangyuan');
    await page.waitForURL('**/points/mine');
    await page.getByRole('heading', { name: '我的积分' }).waitFor();
    await page.getByTestId('street-name').waitFor();
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    // Required fields in Chinese from the catalogue; the server's VALIDATION details on their fields.
    await page.getByTestId('claim-submit').click();
    await page.locator('#summary-error').filter({ hasText: '请填写此项' }).waitFor();
    await page.locator('#summary').fill('入户走访');
    await page.locator('#beneficiaryCount').fill('20000');
    await page.getByTestId('claim-submit').click();
    await page.locator('#beneficiaryCount-error').waitFor();
    expect(await page.locator('#summary-error').count()).toBe(0);

    // To the antd app and, from its menu, back to the phone page; Back returns to the antd page.
    await page.getByTestId('phone-home').click();
    await page.getByTestId('menu-toggle').click();
    await page.locator('.ant-drawer-body .ant-menu').getByRole('menuitem', { name: /我的积分/ }).click();
    await page.waitForURL('**/points/mine');
    await page.getByRole('heading', { name: '我的积分' }).waitFor();
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    await page.goBack();
    await page.getByTestId('menu-toggle').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // A member may not report hazards: the phone shell says so in Chinese.
    await page.goto('/hazards/new');
    await page.getByTestId('forbidden').filter({ hasText: '无权访问' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test('the admin on a phone sees the same tree with write buttons', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/orgs');
    await orgNode(page, '石寨村党总支').waitFor();
    await page.getByRole('button', { name: /新建下级/ }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'org-tree-phone-admin');
    await context.close();
  });

  test('switches to English and back, and remembers the choice', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: /组织体系/ }).waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: /Organisation/ }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.getByTestId('user-roles').textContent()).toBe('Street admin');

    await page.reload();
    await page.getByRole('menuitem', { name: /Organisation/ }).waitFor();
    await openOrgsFromMenuIn(page, /Organisation/);
    await page.getByText('Village Party org').first().waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: /组织体系/ }).waitFor();
    await page.getByText('村党组织').first().waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await context.close();
  });
});

async function openOrgsFromMenuIn(page: Page, name: RegExp) {
  await page.getByRole('menuitem', { name }).click();
  await page.waitForURL('**/orgs');
  await page.getByTestId('org-tree').waitFor();
}
