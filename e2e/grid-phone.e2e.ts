import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPhoneContext, startServer, type RunningServer } from './harness';

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

describe('grid map and hazard figures on a phone', () => {
  test('the grid worker reads the grid list as cards (names on one line, no sideways scroll)', async () => {
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'wanggeyuan');
    await page.goto('/grid');
    const grids = (await (await page.request.get('/api/places/grids')).json()) as { items: Array<{ name: string }> };
    expect(grids.items.length).toBeGreaterThan(0);

    const cards = page.getByTestId('grid-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(Math.min(grids.items.length, 20));
    expect(await page.locator('.ant-table').count()).toBe(0);
    const title = cards.first().locator('.ant-card-head-title');
    await expect(title.textContent()).resolves.toBe(grids.items[0].name);
    // One line wide enough for the whole name (the table squeezed it to one character per line).
    const box = await title.boundingBox();
    expect(box?.height ?? 0).toBeLessThan(30);
    expect(box?.width ?? 0).toBeGreaterThan(grids.items[0].name.length * 10);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    await phone.close();
  });

  test("the 2018 figures say they count that year's reports, while the map shows what is overdue today", async () => {
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'wanggeyuan');
    const map = (await (await page.request.get('/api/hazards/map')).json()) as { items: Array<{ overdue: boolean }> };
    expect(map.items.some((h) => h.overdue)).toBe(true);

    await page.goto('/hazards');
    const overdue = page.getByTestId('figure-hazards.overdue');
    await overdue.waitFor();
    await expect(overdue.locator('.ant-statistic-content-value').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('figures-scope').textContent()).resolves.toContain('2018 年');
    await phone.close();
  });
});
