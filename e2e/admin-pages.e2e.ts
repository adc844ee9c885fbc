import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, launchBrowser, login, newDesktopContext, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

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

const cjkButton = (text: string) => new RegExp(text.split('').join('\\s?'));

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
  await page.waitForURL('**/login**');
}

describe('admin pages', () => {
  test('the auditor reads the audit log, opens an event and verifies the hash chain', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'jijian');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.waitForURL('**/audit');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The action code is shown through the catalogue (auth.login → 登录).
    await page.locator('.ant-table-tbody').getByText('登录', { exact: true }).first().waitFor();

    await page.locator('#action').fill('tenant.create');
    await page.getByRole('button', { name: cjkButton('查询') }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button', { name: cjkButton('详情') }).click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByText('变更后').waitFor();
    expect(await drawer.locator('pre').nth(1).textContent()).toContain('410182002');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /校验哈希链/ }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('哈希链完整');
    await saveScreenshot(page, 'audit-desktop');
    await context.close();
  });

  test('on a phone the audit log is a list of cards', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'jijian');
    await page.goto('/audit');
    await page.locator('.ant-list .ant-card').first().waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test('the platform admin creates a street whose new admin can sign in with the street code', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'platform');
    await page.getByRole('menuitem', { name: /街道管理/ }).click();
    await page.waitForURL('**/tenants');
    await page.locator('.ant-table-tbody').getByText('410182002').waitFor();

    await page.getByRole('button', { name: /新建街道/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#code').fill('12345');
    await dialog.getByRole('button', { name: cjkButton('提交') }).click();
    await dialog.getByText('请输入 9 位数字区划代码').waitFor();
    await dialog.locator('#code').fill('410182001');
    await dialog.getByRole('button', { name: cjkButton('提交') }).click();

    const created = page.getByRole('dialog').filter({ hasText: '街道已创建' });
    await created.waitFor();
    const adminUsername = (await created.locator('.ant-descriptions-item-content').nth(1).innerText()).trim();
    const adminPassword = (await created.locator('.ant-descriptions-item-content').nth(2).innerText()).trim();
    expect(adminUsername.length).toBeGreaterThan(0);
    expect(adminPassword.length).toBeGreaterThan(0);
    await created.getByRole('button', { name: cjkButton('确定') }).click();
    await page.locator('.ant-table-tbody').getByText('410182001').waitFor();

    await logout(page);
    await page.locator('#username').fill(adminUsername);
    await page.locator('#password').fill(adminPassword);
    await page.getByText('其他街道').click();
    await page.locator('#tenantCode').fill('410182001');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('street-name').waitFor();
    expect(await page.getByTestId('street-name').textContent()).not.toBe('京城路街道');
    await context.close();
  });

  test('a member changes the password and signs in with the new one', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'dangyuan');
    await page.getByRole('menuitem', { name: /个人中心/ }).click();
    await page.waitForURL('**/account');

    await page.locator('#currentPassword').fill('wrong-password');
    await page.locator('#newPassword').fill('NewPass#2026x');
    await page.locator('#confirmPassword').fill('NewPass#2026x');
    // By its text, not its accessible name: antd keeps a collapsed loading icon (aria-label "loading") in the
    // button until its leave transition ends, and on a busy machine that can outlast the test.
    const submit = page.locator('button[type="submit"]', { hasText: '修改密码' });
    await submit.click();
    // The server's VALIDATION detail lands on the field, and the user stays signed in.
    await page.locator('.ant-form-item-explain-error').getByText('当前密码不正确').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    await page.locator('#currentPassword').fill(demoPassword);
    await submit.click();
    await page.locator('.ant-message').getByText('密码已修改').waitFor();

    await logout(page);
    await login(page, 'dangyuan', 'NewPass#2026x');
    expect(await page.getByTestId('street-name').textContent()).toBe('京城路街道');
    await context.close();
  });
});
