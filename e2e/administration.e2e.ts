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

/** A login outside the browser (a second device): returns the session cookie, following a forced password change. */
async function apiLogin(username: string, password: string, newPassword?: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { step: string };
  const cookieOf = (r: Response, name: string) => r.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
  if (body.step === 'done') return cookieOf(res, 'gj_session');
  expect(body.step).toBe('password');
  const next = await fetch(`${server.url}/api/auth/login/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieOf(res, 'gj_pending') },
    body: JSON.stringify({ newPassword }),
  });
  expect(next.status).toBe(200);
  return cookieOf(next, 'gj_session');
}

const meStatus = async (cookie: string) => (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status;

async function searchAccount(page: Page, username: string) {
  await page.getByLabel('用户名或姓名').fill(username);
  await page.getByRole('button', { name: cjkButton('查询') }).click();
}

describe('administrators', () => {
  test('the system administrator creates an account and disables it; its session ends', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'xitong');
    await page.goto('/admin/accounts');
    await page.getByRole('button', { name: /新建账户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e-wangge');
    await dialog.getByLabel('姓名').fill('测试网格员');
    await dialog.getByRole('button', { name: cjkButton('提交') }).click();
    const password = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(password.length).toBeGreaterThan(8);
    await page.getByRole('dialog').getByRole('button', { name: cjkButton('确定') }).click();
    await page.getByTestId('one-time-password').waitFor({ state: 'hidden' });

    // The new person signs in elsewhere with the one-time password and must choose their own.
    const cookie = await apiLogin('e2e-wangge', password, 'Own#Pass2026x');
    expect(await meStatus(cookie)).toBe(200);

    await searchAccount(page, 'e2e-wangge');
    const row = page.getByRole('row', { name: /e2e-wangge/ });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.innerText()).toContain('京城路街道');
    await row.getByRole('button', { name: cjkButton('停用') }).click();
    await page.getByRole('dialog').getByLabel('停用原因').fill('测试结束');
    await page.getByRole('dialog').getByRole('button', { name: cjkButton('停用') }).click();
    await expect.poll(() => row.innerText()).toContain('已停用');
    expect(await meStatus(cookie)).toBe(401);
    await saveScreenshot(page, 'admin-accounts');
    await context.close();
  });

  test('the security administrator changes a setting and ends another user’s session; at 375 px too', async () => {
    const jumin = await apiLogin('jumin', demoPassword);
    expect(await meStatus(jumin)).toBe(200);

    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'anquan');
    await page.goto('/admin/security');
    const dormant = page.getByLabel('长期未登录自动停用（天）');
    await dormant.fill('120');
    await page.getByRole('button', { name: cjkButton('保存') }).click();
    await page.getByText('安全设置已保存').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('长期未登录自动停用（天）').inputValue()).toBe('120');
    await context.close();

    // On a phone: the account list is cards; the user's sessions open in a drawer and end there.
    const phone = await newPhoneContext(browser, server.url);
    const mobile = await phone.newPage();
    await login(mobile, 'anquan');
    await mobile.goto('/admin/accounts');
    await searchAccount(mobile, 'jumin');
    const card = mobile.getByTestId('account-card-jumin');
    await card.getByRole('button', { name: cjkButton('会话') }).click();
    const drawer = mobile.getByRole('dialog');
    await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await saveScreenshot(mobile, 'admin-sessions-phone');
    await drawer.getByRole('button', { name: cjkButton('全部下线') }).click();
    await mobile.getByText(/已结束 \d+ 个会话/).waitFor();
    expect(await meStatus(jumin)).toBe(401);
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await phone.close();
  });

  test('an answer to a personal-data request shows to the member who filed it', async () => {
    const memberContext = await newDesktopContext(browser, server.url);
    const member = await memberContext.newPage();
    await login(member, 'dangyuan');
    await member.goto('/account');
    const card = member.getByTestId('privacy-card');
    await card.getByLabel('申请内容').fill('请更正我的联系电话为新号码');
    await card.getByRole('button', { name: cjkButton('提交申请') }).click();
    await member.getByText('申请已提交').waitFor();

    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'xitong');
    await page.goto('/admin/privacy');
    const row = page.getByRole('row', { name: /请更正我的联系电话/ });
    await row.getByRole('button', { name: cjkButton('办理') }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('请更正我的联系电话为新号码').waitFor();
    await drawer.getByLabel('答复').fill('已核实并更正联系电话');
    await drawer.getByRole('button', { name: cjkButton('提交') }).click();
    await page.getByText('已答复申请人').waitFor();
    await expect.poll(() => row.innerText()).toContain('已办结');
    await saveScreenshot(page, 'admin-privacy');
    await context.close();

    await member.reload();
    const answered = member.getByTestId('privacy-card').getByRole('row', { name: /请更正我的联系电话/ });
    await expect.poll(() => answered.innerText()).toContain('已核实并更正联系电话');
    await expect.poll(() => answered.innerText()).toContain('已办结');
    await memberContext.close();
  });
});
