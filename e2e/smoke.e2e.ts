/**
 * Smoke pass over the members, enterprises/environment, livelihood, grid-admin and account pages: each page opens for a
 * role that may see it, with no uncaught error, no console error, no failing /api/ call, no error
 * boundary, no raw catalogue key on screen, and (on a phone) nothing wider than 375 px.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** A dotted catalogue key that leaked to the screen instead of its label ("members.field.name", "livelihood.menu"). */
const rawKey = /\b(?:[a-z]+\.[a-zA-Z]+\.[a-zA-Z.]+|(?:members|enterprises|livelihood|common|error|env)\.[a-zA-Z]+)\b/g;
/** The route error boundary's title (web/src/i18n/zh.ts 'error.title'). */
const boundaryTitle = '操作失败';

interface Visit {
  path: string;
  /** Something to do once the page has settled (open a form, a tab, a drawer…), still watched for errors. */
  then?: (page: Page) => Promise<void>;
  /** API calls whose 4xx is the point (the anonymous session check on public pages). */
  expected4xx?: RegExp;
}

/** antd puts a space between two CJK characters on a button ("联 审"), so match both forms. */
const cjkButton = (text: string) => new RegExp(text.split('').join('\\s?'));

/** Network idle alone is not enough: the lazy page chunk loads first, then its queries start. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

/** Opens the first row's drawer / dialog / tab where a page has one, so those requests are checked too. */
const interactions: Record<string, (page: Page) => Promise<void>> = {
  '/environment/pollution': async (page) => {
    const rowButton = page.getByRole('button', { name: cjkButton('状态') });
    if ((await rowButton.count()) > 0) await rowButton.first().click();
    else await page.locator('[role="button"][tabindex="0"]').first().click(); // the phone's card list
    await page.locator('.ant-drawer-body').waitFor();
  },
  '/environment/entries': async (page) => {
    const review = page.getByRole('button', { name: cjkButton('联审') });
    if ((await review.count()) > 0) await review.first().click();
  },
  '/resettlement': async (page) => {
    // A project card opens the project's own page (phases, milestones, units).
    await page.locator('.ant-card-hoverable').first().click();
    await page.waitForURL(/\/resettlement\/projects\//);
    await settle(page);
  },
  '/campaigns': async (page) => {
    await page.locator('.ant-segmented-item').nth(1).click();
  },
  '/cobuild': async (page) => {
    for (const tab of ['需求清单', '资源清单', '项目清单']) {
      await page.getByRole('tab', { name: tab }).click();
      await settle(page);
    }
    await page.getByRole('tab', { name: '共建单位' }).click();
    await page.getByRole('button', { name: cjkButton('年度报告') }).first().click();
  },
};

/** Opens the page, lets it settle and returns every problem seen (empty when the page is healthy). */
async function smoke(context: BrowserContext, visit: Visit, phone: boolean): Promise<string[]> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const expected = (url: string) => visit.expected4xx?.test(new URL(url, server.url).pathname) ?? false;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx as a console error; the ones we expect are not problems.
    if (message.text().startsWith('Failed to load resource') && expected(message.location().url)) return;
    problems.push(`console error: ${message.text().slice(0, 300)}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (!response.url().includes('/api/') || status < 400) return;
    if (status < 500 && expected(response.url())) return;
    problems.push(`HTTP ${status} ${response.request().method()} ${response.url()}`);
  });
  await page.goto(visit.path);
  await settle(page);
  if (visit.then) {
    await visit.then(page);
    await settle(page);
  }
  const text = await page.evaluate(() => document.body.innerText);
  if (text.includes(boundaryTitle)) problems.push(`error boundary shown: ${text.slice(0, 200)}`);
  const keys = text.match(rawKey);
  if (keys) problems.push(`raw message keys: ${[...new Set(keys)].join(', ')}`);
  if (phone) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375 + 1) problems.push(`page is ${width} px wide at 375 px`);
  }
  await page.close();
  return problems.map((problem) => `${visit.path}: ${problem}`);
}

async function firstId(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const body = (await response.json()) as { items: Array<{ id: string }> };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`${url} returned no rows`);
  return id;
}

async function signedIn(phone: boolean, username: string): Promise<BrowserContext> {
  const context = phone ? await newPhoneContext(browser, server.url) : await newDesktopContext(browser, server.url);
  const page = await context.newPage();
  await login(page, username);
  await page.close();
  return context;
}

async function adminVisits(context: BrowserContext): Promise<Visit[]> {
  const page = await context.newPage();
  const memberId = await firstId(page, '/api/members?pageSize=1');
  const enterpriseId = await firstId(page, '/api/enterprises?pageSize=1');
  await page.close();
  return [
    '/members',
    '/members/import',
    `/members/${memberId}`,
    '/enterprises',
    `/enterprises/${enterpriseId}`,
    '/environment/pollution',
    '/environment/sites',
    '/environment/entries',
    '/resettlement',
    '/resettlement/settings',
    '/campaigns',
    '/cobuild',
    '/requests',
    '/grid/admin',
    '/calendar',
    '/open311-keys',
    '/enterprises/drills',
    '/account',
  ].map((path) => ({ path, then: interactions[path] }));
}

async function checkAll(phone: boolean): Promise<string[]> {
  const problems: string[] = [];

  const admin = await signedIn(phone, 'admin');
  for (const visit of await adminVisits(admin)) problems.push(...(await smoke(admin, visit, phone)));
  await admin.close();

  const member = await signedIn(phone, 'dangyuan');
  problems.push(...(await smoke(member, { path: '/members/me' }, phone)));
  await member.close();

  // The grid worker records an inspection on a phone: open the form too.
  const gridWorker = await signedIn(phone, 'wanggeyuan');
  const probe = await gridWorker.newPage();
  const enterpriseId = await firstId(probe, '/api/enterprises?pageSize=1');
  await probe.close();
  problems.push(
    ...(await smoke(
      gridWorker,
      {
        path: `/enterprises/${enterpriseId}`,
        then: async (page) => {
          await page.getByTestId('record-inspection').click();
          await page.getByTestId('inspection-topic').waitFor();
        },
      },
      phone,
    )),
  );
  await gridWorker.close();

  // Residents need no account for the public request form.
  const anonymous = phone ? await newPhoneContext(browser, server.url) : await newDesktopContext(browser, server.url);
  problems.push(
    ...(await smoke(
      anonymous,
      {
        path: '/public/410182002/requests',
        expected4xx: /^\/api\/auth\/me$/, // the shell asks who is signed in: nobody
        then: async (page) => {
          await page.getByRole('tab', { name: '查询与评价' }).click();
        },
      },
      phone,
    )),
  );
  await anonymous.close();

  return problems;
}

describe('smoke: members, enterprises, livelihood pages', () => {
  test('every page opens cleanly on a desktop', async () => {
    expect(await checkAll(false)).toEqual([]);
  }, 300_000);

  test('every page opens cleanly and fits a 375 px phone', async () => {
    expect(await checkAll(true)).toEqual([]);
  }, 300_000);
});
