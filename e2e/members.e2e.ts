import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildMessyRoster, validIdNumber } from '../server/src/modules/members/members.test-factory';
import { launchBrowser, login, newDesktopContext, newPhoneContext, startServer, type RunningServer } from './harness';

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

describe('member registry', () => {
  test('admin finds 张荣耀 by zry, imports a messy roster, commits and exports the list', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/members');
    await page.locator('#q').fill('zry');
    await page.getByRole('button', { name: cjkButton('查询') }).click();
    await page.getByTestId('member-link').filter({ hasText: '张荣耀' }).first().waitFor();

    // Row 9 repeats row 4's ID number here (the browser cannot read an existing plaintext ID): still a reject.
    const roster = await buildMessyRoster({ existingIdNumber: validIdNumber(100, { birth: '19850312' }), inScopeBranch: '石寨村第一党支部', otherBranch: '铁龙社区第一党支部' });
    await page.getByRole('button', { name: /批量导入/ }).click();
    await page.waitForURL('**/members/import');
    await page.locator('input[type="file"]').setInputFiles({ name: '石寨村花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: roster.buffer });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('可导入 4 行，不能导入 4 行');
    const rows = page.getByTestId('import-rows');
    await rows.getByText('身份证号校验位错误').waitFor();
    await rows.getByText('与第4行身份证号重复').first().waitFor();
    expect(await rows.getByTestId('fate-create').count()).toBe(4);

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    await page.goto('/members');
    await page.locator('#q').fill('李小明');
    await page.getByRole('button', { name: cjkButton('查询') }).click();
    await page.getByTestId('member-link').filter({ hasText: '李小明' }).first().waitFor();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出/ }).click();
    const downloaded = await downloadPromise;
    const file = await downloaded.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.values ? JSON.stringify(row.values) : ''));
    expect(texts[0]).toContain('党员名册');
    expect(texts.some((r) => r.includes('李小明') && r.includes('138****5678'))).toBe(true);

    // The detail page shows the record masked.
    await page.getByTestId('member-link').filter({ hasText: '李小明' }).first().click();
    await page.getByTestId('member-name').waitFor();
    await page.getByText('138****5678').waitFor();
    await context.close();
  });

  test('on a phone the registry is a list of cards without sideways scrolling', async () => {
    const context = await newPhoneContext(browser, server.url);
    const page = await context.newPage();
    await login(page, 'shuji');
    await page.goto('/members');
    await page.locator('.ant-list .ant-card').first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
