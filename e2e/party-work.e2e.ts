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

describe('inspection tours', () => {
  test('an instructor scores a tour stop on a phone, records a finding, and it appears in the rectification ledger', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'zhidaoyuan');
    await page.goto('/tours');
    const planned = page.locator('.ant-card').filter({ hasText: '观摩回头看' }).first();
    await planned.waitFor();
    await planned.getByRole('button').click();
    await page.waitForURL('**/tours/*');
    const tourId = page.url().split('/').pop() ?? '';

    await page.locator('.ant-collapse-header').first().click();
    const form = page.getByTestId('score-form-1');
    for (const label of ['阵地建设', '组织建设', '党员管理', '制度落实', '台账资料']) {
      await form.getByLabel(label).fill('18');
    }
    await form.getByTestId('save-score').click();
    await page.locator('.ant-collapse-header').first().getByText('90').waitFor();

    const finding = page.getByTestId('finding-form-1');
    await finding.waitFor();
    await finding.locator('#title').fill('党务公开栏内容未更新');
    await finding.locator('#responsibleName').fill('王建国');
    await saveScreenshot(page, 'tour-scoring-phone');
    await finding.getByTestId('add-finding').click();
    await page.getByText('党务公开栏内容未更新').last().waitFor();

    // The finding is an item of the rectification ledger, sourced from the tour.
    const tour = await (await page.request.get(`/api/tours/${tourId}`)).json();
    const added = tour.findings.find((f: { title: string }) => f.title === '党务公开栏内容未更新');
    expect(added.rectificationItemId).toMatch(/^[0-9a-f-]{36}$/);
    const item = await page.request.get(`/api/rectification/items/${added.rectificationItemId}`);
    expect(item.status()).toBe(200);
    expect(JSON.stringify(await item.json())).toContain('党务公开栏内容未更新');
    await context.close();
  });
});
