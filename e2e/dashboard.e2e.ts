import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, saveScreenshot, startServer, type RunningServer } from './harness';

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

describe('the street at a glance', () => {
  test('the big screen shows every panel with data, and a figure opens its records', async () => {
    const context = await newDesktopContext(browser, server.url, { width: 1920, height: 1080 });
    const page = await context.newPage();
    await login(page, 'admin');

    // With no period in the address the dashboard opens on the latest year the registers cover (2018 for the demo street).
    await page.goto('/dashboard');
    await page.locator('[data-metric$="village"],[data-metric$="villages"]').first().waitFor({ timeout: 300_000 });
    await page.getByText('统计期：2018年').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-metric$="village"],[data-metric$="villages"]').first().textContent()).toContain('8');
    await page.locator('canvas').first().waitFor({ timeout: 60_000 });
    // The grid map draws the grids and the open hazards.
    const dashMap = page.getByTestId('grid-map');
    await dashMap.locator('canvas').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="grid-map"][data-grids="0"]').waitFor({ state: 'detached', timeout: 60_000 });
    expect(Number(await dashMap.getAttribute('data-open-hazards'))).toBeGreaterThan(0);
    await saveScreenshot(page, 'dashboard');

    // Printing on A4: under print media at the A4 width nothing sticks out sideways, and the PDF renders.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.waitForTimeout(300);
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}px`),
    );
    expect(sticking).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.goto('/big-screen?period=2018');
    const screen = page.getByTestId('big-screen');
    await screen.locator('[data-metric$="community"],[data-metric$="communities"]').first().waitFor({ timeout: 300_000 });
    const panels = screen.locator('[data-panel]');
    const n = await panels.count();
    expect(n).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < n; i++) {
      const panel = panels.nth(i);
      // Every panel holds either figures or a drawn chart.
      const figures = await panel.locator('[data-metric]').count();
      if (figures === 0) await panel.locator('canvas').waitFor({ timeout: 60_000 });
    }
    // The ranking and trend are computed per unit and per month: wait until every panel has its data.
    await screen.locator('[data-panel][data-ready="false"]').first().waitFor({ state: 'detached', timeout: 300_000 });
    const screenMap = screen.locator('[data-panel="grid-map"] [data-testid="grid-map"]');
    await screenMap.locator('canvas').waitFor({ timeout: 60_000 });
    expect(Number(await screenMap.getAttribute('data-grids'))).toBeGreaterThan(0);
    expect(Number(await screenMap.getAttribute('data-open-hazards'))).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'dashboard-big-screen');

    await screen.locator('[data-metric$="community"],[data-metric$="communities"]').first().click();
    await page.waitForURL(/\/dashboard\/metrics\/.*communit/);
    await page.getByTestId('records-total').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('records-total').textContent()).toContain('13');
    await page.locator('.ant-table-row').first().waitFor();
    await context.close();
  }, 900_000);
});
