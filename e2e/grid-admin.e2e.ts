import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

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

function polygon(lng: number, lat: number, half: number, closed = true) {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
  ];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closed ? [...ring, ring[0]] : ring] } };
}

describe('grid admin', () => {
  test('the street admin uploads a grid boundary (a bad file is refused with the place of the error) and sees it drawn', async () => {
    const desktop = await newDesktopContext(browser, server.url);
    const page = await desktop.newPage();
    await login(page, 'admin');
    await page.goto('/grid/admin');
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    const gridName = (await firstRow.locator('td').first().textContent()) ?? '';
    await firstRow.getByRole('button').click();
    await page.locator('.ant-drawer').getByText(gridName).first().waitFor();

    const fileInput = page.locator('.ant-drawer input[type=file]');
    await fileInput.setInputFiles({ name: 'open.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(polygon(113.39, 34.79, 0.002, false))) });
    await page.locator('.ant-drawer [role=alert]').filter({ hasText: '未闭合' }).waitFor();

    const uploaded = page.waitForResponse((r) => r.url().endsWith('/boundary') && r.request().method() === 'PUT' && r.status() === 200);
    await fileInput.setInputFiles({ name: 'grid.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(polygon(113.39, 34.79, 0.002))) });
    const grid = (await (await uploaded).json()) as { id: string; centerLat: number; centerLng: number };
    expect(grid.centerLng).toBeCloseTo(113.39, 6);
    expect(grid.centerLat).toBeCloseTo(34.79, 6);
    await page.locator('.ant-drawer [role=alert]').waitFor({ state: 'detached' });
    await page.getByTestId('boundary-preview').locator('canvas').waitFor();
    await saveScreenshot(page, 'grid-admin-boundary');
    await desktop.close();
  });

  test('on a phone, the street admin adds a working-calendar correction and removes it again', async () => {
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'admin');
    await page.goto('/calendar');
    await page.getByTestId('calendar-overrides').waitFor();

    // Today, picked from the date panel, becomes a make-up workday (上班).
    await page.locator('.ant-picker input').first().click();
    const today = page.locator('.ant-picker-dropdown .ant-picker-cell-today');
    await today.waitFor();
    const day = (await today.getAttribute('title')) ?? '';
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const year = day.slice(0, 4);
    await today.click();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '上班' }).click();
    await page.getByPlaceholder('如：春节调休').fill('街道集中学习日');
    const saved = page.waitForResponse((r) => r.url().includes(`/api/rectification/calendar/${day}`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '添加更正' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('calendar-overrides').getByText('街道集中学习日').waitFor();

    const cal = (await (await page.request.get(`/api/rectification/calendar?year=${year}`)).json()) as { workdays: string[]; overrides: Array<{ day: string; kind: string }> };
    expect(cal.overrides).toContainEqual(expect.objectContaining({ day, kind: 'workday' }));
    expect(cal.workdays).toContain(day);
    await saveScreenshot(page, 'calendar-phone');

    await page.getByTestId('calendar-overrides').getByRole('button', { name: '删除更正' }).click();
    const removed = page.waitForResponse((r) => r.url().includes(`/api/rectification/calendar/${day}`) && r.request().method() === 'DELETE');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await removed).status()).toBe(204);
    await page.getByTestId('calendar-overrides').getByText('街道集中学习日').waitFor({ state: 'detached' });
    await phone.close();
  });

  test('the street admin issues an Open311 key (shown once), revokes it, and records an emergency drill', async () => {
    const desktop = await newDesktopContext(browser, server.url);
    const page = await desktop.newPage();
    await login(page, 'admin');
    await page.goto('/open311-keys');
    await page.getByPlaceholder('如：荥阳12345热线').fill('荥阳12345热线');
    await page.getByRole('button', { name: '生成密钥' }).click();
    const key = page.getByTestId('new-api-key');
    await key.waitFor();
    expect(await key.textContent()).toMatch(/^gj311_/);
    await page.locator('.ant-modal-footer').getByRole('button').last().click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '荥阳12345热线' });
    await row.filter({ hasText: '有效' }).waitFor();
    await row.getByRole('button', { name: /吊\s*销/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.filter({ hasText: '已吊销' }).waitFor();

    await page.goto('/enterprises/drills');
    await page.getByRole('button', { name: '登记演练' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('.ant-select').first().click();
    await page.keyboard.type('石寨村党总支');
    await page.locator('.ant-select-item-option').filter({ hasText: '石寨村党总支' }).first().click();
    await dialog.locator('.ant-picker input').click();
    await page.locator('.ant-picker-dropdown .ant-picker-cell-today').click();
    await dialog.getByLabel('演练名称').fill('石寨村防汛应急演练');
    await dialog.getByLabel('地点').fill('石寨村村委会');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/enterprises/drills') && r.request().method() === 'POST');
    await dialog.locator('.ant-modal-footer').getByRole('button').last().click();
    expect((await saved).status()).toBe(201);
    await page.locator('.ant-table-tbody, .ant-list').getByText('石寨村防汛应急演练').first().waitFor();
    await desktop.close();
  });
});
