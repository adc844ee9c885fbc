import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Picks an option of the antd Select whose input has this id (typing narrows the list first). */
async function choose(page: Page, id: string, text?: string) {
  await page.locator(`#${id}`).click();
  if (text) await page.locator(`#${id}`).fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text ?? '' }).first().click();
}

async function typeDate(page: Page, id: string, value: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
}

describe('party-work management forms', () => {
  test('on a phone, the street admin creates a study plan and plans a tour through the forms, and both are listed', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'admin');

    // A study plan: period, topics, materials, dates.
    await page.goto('/study');
    await page.getByRole('button', { name: '新建学习计划' }).click();
    const planDialog = page.getByRole('dialog');
    await planDialog.locator('#title').fill('2026年第四季度学习计划');
    await planDialog.locator('#period').fill('2026年第四季度');
    await planDialog.locator('#topics').fill('学习党章党规');
    await planDialog.locator('#topics').press('Enter');
    await planDialog.locator('#materials').fill('《中国共产党章程》');
    await planDialog.locator('#materials').press('Enter');
    await typeDate(page, 'startsOn', '2026-10-01');
    await typeDate(page, 'endsOn', '2026-12-31');
    await saveScreenshot(page, 'study-plan-form-phone');
    await planDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await planDialog.waitFor({ state: 'hidden' });
    const planCard = page.locator('.ant-card').filter({ hasText: '2026年第四季度学习计划' });
    await planCard.waitFor();
    await expect(planCard.textContent()).resolves.toContain('学习党章党规');

    // A tour: title, date, score sheet, orgs to visit.
    await page.goto('/tours');
    await page.getByRole('button', { name: '计划观摩' }).click();
    const tourDialog = page.getByRole('dialog');
    await tourDialog.locator('#title').fill('冬季党建观摩');
    await choose(page, 'checklistId');
    await choose(page, 'orgIds', '石寨村');
    await tourDialog.locator('.ant-modal-title').click(); // closes the multi-select's list
    await tourDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL('**/tours/*');
    await page.getByRole('heading', { name: '冬季党建观摩' }).waitFor();

    await page.goto('/tours');
    const tourCard = page.locator('.ant-card').filter({ hasText: '冬季党建观摩' });
    await tourCard.waitFor();
    await expect(tourCard.textContent()).resolves.toContain('计划中');

    // Nothing on these pages overflows the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
