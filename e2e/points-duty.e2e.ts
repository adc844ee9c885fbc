import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

/** antd puts a space between two CJK characters on a button. */
const cjk = (text: string) => new RegExp(text.split('').join('\\s?'));

/** `YYYY-MM-DD HH:mm` in Beijing time, as the range picker takes it. */
function beijing(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}

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

describe('轮岗值班 duty roster', { timeout: 300_000 }, () => {
  test('a secretary publishes a shift, a member signs up on a phone, checks in and out, and the rankings show the points', async () => {
    const title = `党员示范岗值班 ${Date.now() % 100000}`;
    const desk = await newDesktopContext(browser, server.url);
    const secretary = await desk.newPage();
    await login(secretary, 'shuji');
    await secretary.goto('/points/duty');
    await secretary.getByRole('button', { name: cjk('发布值班') }).click();
    const dialog = secretary.locator('.ant-modal');
    await dialog.locator('#title').fill(title);
    await dialog.locator('#place').fill('石寨村党群服务中心');
    // The shift is on now, so the member may check in (from 30 minutes before the start until its end).
    const start = beijing(Date.now() - 10 * 60_000);
    const end = beijing(Date.now() + 2 * 3600_000);
    await dialog.locator('#time').click();
    await dialog.locator('#time').fill(start);
    await secretary.locator('.ant-picker-dropdown .ant-picker-ok button').click();
    const endInput = dialog.locator('.ant-picker-input input').nth(1);
    await endInput.fill(end);
    await secretary.locator('.ant-picker-dropdown .ant-picker-ok button').click();
    await dialog.locator('#slots').fill('3');
    await dialog.getByRole('button', { name: cjk('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await secretary.locator('.ant-list-item').filter({ hasText: title }).waitFor();

    const phone = await newPhoneContext(browser, server.url);
    const member = await phone.newPage();
    await login(member, 'dangyuan');
    const before = (await (await member.request.get('/api/points/me')).json()).total as number;
    await member.goto('/points/duty');
    const listed = member.locator('.ant-list-item').filter({ hasText: title });
    await listed.getByRole('button', { name: cjk('报名') }).click();
    const mine = member.locator('.ant-card').filter({ hasText: '我的值班' }).locator('.ant-list-item').filter({ hasText: title });
    await mine.getByText('已报名').waitFor();
    expect(await member.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await mine.getByRole('button', { name: cjk('签到') }).click();
    await mine.getByText('已签到').waitFor();
    await mine.getByRole('button', { name: cjk('签退') }).click();
    await mine.getByText('已完成').first().waitFor();
    await saveScreenshot(member, 'points-duty-phone');

    const after = (await (await member.request.get('/api/points/me')).json()).total as number;
    const earned = after - before;
    expect(earned).toBeGreaterThan(0);

    // The secretary's roster shows the member completed.
    await secretary.reload();
    await secretary.locator('.ant-list-item').filter({ hasText: title }).getByRole('button', { name: cjk('名单') }).click();
    await secretary.locator('.ant-modal').getByText('张荣耀').waitFor();

    // The rankings page opens on this year (the shift's), where the member's total is /api/points/me's.
    await member.goto('/points/rankings');
    const row = member.getByRole('row').filter({ hasText: '张荣耀' });
    await row.waitFor();
    await expect.poll(async () => (await row.locator('td').nth(2).textContent())?.trim()).toBe(String(after));
    expect(await member.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await desk.close();
    await phone.close();
  });
});
