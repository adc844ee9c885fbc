import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

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

const cjk = (text: string) => new RegExp(text.split('').join('\\s?'));

describe('small wish', () => {
  test('a resident files a wish on a phone, a unit claims and fulfils it, the resident rates it', async () => {
    const resident = await newPhoneContext(browser, server.url);
    const page = await resident.newPage();
    await page.goto('/public/410182002/requests');
    await page.getByText('京城路街道').first().waitFor();
    await page.locator('#orgId').click();
    await page.locator('#orgId').fill('铁龙社区');
    await page.locator('.ant-select-item-option').filter({ hasText: '铁龙社区党总支' }).first().click();
    await page.locator('#title').fill('想要一个新书包');
    await page.locator('#content').fill('孩子上三年级，书包破了，希望有一个新书包。');
    await page.locator('#contactName').fill('陈女士');
    await page.locator('#phone').fill('13800005678');
    const label = await page.getByText(/验证题：\d+ \+ \d+ = \?/).textContent();
    const m = /(\d+) \+ (\d+)/.exec(label ?? '');
    expect(m).not.toBeNull();
    await page.locator('#challengeAnswer').fill(String(Number(m?.[1]) + Number(m?.[2])));
    await page.getByRole('button', { name: cjk('提交') }).click();
    const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await saveScreenshot(page, 'livelihood-public-wish-phone');

    const unit = await newPhoneContext(browser, server.url);
    const unitPage = await unit.newPage();
    await login(unitPage, 'danwei');
    await unitPage.goto('/requests');
    const card = unitPage.getByTestId('request-card').filter({ hasText: '想要一个新书包' }).first();
    await card.getByRole('button', { name: cjk('认领') }).click();
    await card.getByRole('button', { name: /完成并答复/ }).click();
    await unitPage.locator('.ant-modal textarea').fill('郑州中车职工已将新书包送到家中。');
    await unitPage.locator('.ant-modal').getByRole('button', { name: /确\s?定|OK/ }).click();
    await card.getByText('已答复').waitFor();

    await page.goto('/public/410182002/requests');
    await page.getByRole('tab', { name: '查询与评价' }).click();
    await page.locator('#tracking').fill(code);
    await page.locator('#last4').fill('5678');
    await page.getByRole('button', { name: cjk('查询') }).click();
    await page.getByTestId('public-state').filter({ hasText: '已答复' }).waitFor();
    await page.getByText('郑州中车职工已将新书包送到家中').waitFor();
    await page.getByRole('button', { name: cjk('评价') }).click();
    await page.getByText('感谢您的评价').waitFor();
    expect(await page.getByTestId('public-state').textContent()).toBe('已评价');
    await resident.close();
    await unit.close();
  });
});
