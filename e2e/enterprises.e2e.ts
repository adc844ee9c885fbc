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

describe('enterprise inspections', () => {
  test('a grid worker records a joint inspection of a training institution on a phone; the finding becomes a hazard', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'wanggeyuan');
    await page.goto('/enterprises');
    await page.locator('#q').fill('启航');
    await page.keyboard.press('Enter');
    const link = page.getByTestId('enterprise-link').filter({ hasText: '启航' }).first();
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/enterprises/*');
    await page.getByTestId('record-inspection').click();

    const drawer = page.locator('.ant-drawer').filter({ has: page.getByTestId('inspection-topic') });
    await drawer.getByTestId('inspection-topic').fill('校外培训机构专项检查');
    await drawer.getByLabel('派出所').check();
    await drawer.getByTestId('add-finding').click();
    await drawer.getByTestId('finding-description').fill('二楼安全出口被杂物堵塞');
    await saveScreenshot(page, 'enterprise-inspection-phone');
    await drawer.getByTestId('save-inspection').click();

    const item = page.getByTestId('inspection-item').filter({ hasText: '二楼安全出口被杂物堵塞' });
    await item.waitFor();
    expect(await item.textContent()).toContain('教体局、消防、派出所');
    const hazardLink = item.getByTestId('finding-hazard-link');
    const href = (await hazardLink.getAttribute('href')) ?? '';
    const hazardId = href.split('/').pop() ?? '';
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);

    // The finding is a hazard the grid worker can follow: the hazards API returns it, sourced from the inspection.
    const res = await page.request.get(`/api/hazards/${hazardId}`);
    expect(res.status()).toBe(200);
    const hazard = (await res.json()) as { sourceKind: string; description: string };
    expect(hazard.sourceKind).toBe('inspection');
    expect(hazard.description).toContain('二楼安全出口被杂物堵塞');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await context.close();
  });
});
