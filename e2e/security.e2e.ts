import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, startServer, type RunningServer } from './harness';

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

/** Collects console messages and page errors that report a Content-Security-Policy violation. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy/i.test(e.message)) violations.push(e.message);
  });
  return violations;
}

describe('web defences in the browser', () => {
  test('the app runs under the strict CSP: login, dashboard, account and audit pages, no violations', async () => {
    const context = await newDesktopContext(browser, server.url);
    const page = await context.newPage();
    const violations = watchCsp(page);
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('#username').waitFor();
    await login(page, 'admin');
    await page.getByTestId('street-name').waitFor();
    await page.goto('/account');
    await page.getByTestId('two-factor-card').waitFor();
    await page.getByTestId('privacy-card').waitFor();
    await page.goto('/audit');
    await page.locator('.ant-table-row, .ant-list-item, .ant-card').first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
