import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

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

describe('hazards on a phone', () => {
  test('a grid worker reports a hazard with a photo, sees the duplicate warning, fixes it by deadline, and another user verifies it', async () => {
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'wanggeyuan');

    // An open hazard of the demo week lies in the worker's grid: report the same kind a few metres away.
    const map = await (await page.request.get('/api/hazards/map')).json();
    const open = map.items[0] as { lat: number; lng: number; category: string; description: string };
    expect(open).toBeTruthy();

    await page.goto('/hazards/new');
    // The light phone shell (decision 0009): plain controls, no antd on this page.
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    const categoryLabels: Record<string, string> = { fire: '消防安全', production: '安全生产', construction: '建筑工地', gas: '燃气安全', public_order: '治安隐患', sanitation: '环境卫生', environment: '生态环境', traffic: '交通安全', other: '其他' };
    await page.getByTestId('hazard-category').selectOption({ label: categoryLabels[open.category] });
    await page.getByTestId('hazard-description').fill('楼道内电动车充电，电线私拉乱接');
    await page.getByTestId('hazard-lat').fill(String(open.lat + 0.0001));
    await page.getByTestId('hazard-lng').fill(String(open.lng));
    await page.locator('input[type=file]').first().setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('photo-thumb').first().waitFor();
    await page.getByTestId('hazard-submit').click();
    await page.getByTestId('hazard-duplicates').waitFor();
    await expect(page.getByTestId('hazard-duplicates').textContent()).resolves.toContain(open.description);
    await saveScreenshot(page, 'hazard-duplicates-phone');

    await page.getByTestId('hazard-create-anyway').click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    const hazardId = page.url().split('/').pop() ?? '';

    await page.getByTestId('decide-deadline').click();
    await page.getByTestId('deadline-responsible').fill('石寨村物业 李经理');
    await page.getByTestId('deadline-measures').fill('拆除私拉电线，设置集中充电点');
    const decided = page.waitForResponse((r) => r.url().includes(`/api/hazards/${hazardId}/deadline`), { timeout: 20_000 });
    await page.getByTestId('deadline-submit').click();
    const response = await decided.catch(async (e: unknown) => {
      await saveScreenshot(page, 'hazard-e2e-debug');
      throw e;
    });
    expect(response.status(), await response.text()).toBe(200);
    await page.getByTestId('hazard-item-link').waitFor();
    await expect(page.getByTestId('hazard-status').textContent()).resolves.toContain('限期整改中');
    await saveScreenshot(page, 'hazard-deadline-phone');

    // The worker takes it on, starts, then submits the fix with an after-photo.
    await page.getByTestId('hazard-item-link').click();
    await page.getByTestId('item-action-assign').click();
    await page.getByTestId('item-confirm').click();
    await page.getByTestId('item-state').filter({ hasText: '已交办' }).waitFor();
    await page.getByTestId('item-action-start').click();
    await page.getByTestId('item-state').filter({ hasText: '整改中' }).waitFor();
    await page.getByTestId('item-action-submit').click();
    await page.getByTestId('item-note').fill('已拆除私拉电线');
    await page.locator('.ant-drawer input[type=file]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-drawer form .ant-image').first().waitFor();
    await page.getByTestId('item-confirm').click();
    await page.getByTestId('item-state').filter({ hasText: '待验收' }).waitFor();
    const hazard = await (await page.request.get(`/api/hazards/${hazardId}`)).json();
    const itemId = hazard.rectificationItemId as string;
    // The fixer may not verify their own fix.
    expect((await page.request.post(`/api/rectification/items/${itemId}/verify`, { data: {} })).status()).toBe(403);
    await phone.close();

    // The village secretary verifies it.
    const desk = await newDesktopContext(browser, server.url);
    const page2 = await desk.newPage();
    await login(page2, 'shuji');
    await page2.goto(`/rectifications?item=${itemId}`);
    await page2.getByTestId('item-action-verify').click();
    await page2.getByTestId('item-note').fill('复查合格');
    await page2.getByTestId('item-confirm').click();
    await page2.getByTestId('item-state').filter({ hasText: '已销号' }).waitFor();
    await saveScreenshot(page2, 'rectification-verified');
    const closed = await (await page2.request.get(`/api/hazards/${hazardId}`)).json();
    expect(closed.status).toBe('closed');
    await desk.close();
  });
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

    // The page shows the year's own figure (hazards of 2018 still overdue), not the map's count of today.
    const figures = (await (await page.request.get('/api/hazards/figures?from=2018-01-01&to=2018-12-31')).json()) as { figures: Array<{ id: string; value: number }> };
    const year = figures.figures.find((f) => f.id === 'hazards.overdue');
    expect(year).toBeDefined();
    await page.goto('/hazards');
    const overdue = page.getByTestId('figure-hazards.overdue');
    await overdue.waitFor();
    await expect(overdue.locator('.ant-statistic-content-value').textContent()).resolves.toBe(String(year?.value));
    await expect(page.getByTestId('figures-scope').textContent()).resolves.toContain('2018 年');
    await phone.close();
  });
});
