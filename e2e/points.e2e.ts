import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newDesktopContext, newPhoneContext, saveScreenshot, startServer, type RunningServer } from './harness';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
/** antd puts a space between two CJK characters on a button. */
const cjk = (text: string) => new RegExp(text.split('').join('\\s?'));

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

describe('六个一 points', { timeout: 300_000 }, () => {
  test('a volunteer checks in by opening the event QR code URL on a phone', async () => {
    const desk = await newDesktopContext(browser, server.url);
    const organiser = await desk.newPage();
    await login(organiser, 'shuji');
    const me = await (await organiser.request.get('/api/auth/me')).json();
    const created = await organiser.request.post('/api/volunteer-events', {
      data: {
        orgId: me.user.scopeOrgId,
        title: '垃圾分类宣传志愿服务',
        organiser: '石寨村党总支',
        place: '石寨村党群服务中心',
        startsAt: new Date(Date.now() - 10 * 60000).toISOString(),
        endsAt: new Date(Date.now() + 2 * 3600000).toISOString(),
        capacity: 10,
      },
    });
    expect(created.status()).toBe(201);
    const eventId = (await created.json()).id as string;

    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'dangyuan');
    await page.goto(`/points/volunteer/${eventId}`);
    await page.getByTestId('event-signup').click();
    await page.getByText('已报名').first().waitFor();

    await organiser.goto(`/points/volunteer/${eventId}`);
    const qr = organiser.getByTestId('event-qr');
    await qr.waitFor();
    const url = (await qr.getAttribute('data-url')) ?? '';
    expect(url).toMatch(new RegExp(`/volunteer/check-in\\?event=${eventId}&token=`));

    // A forged token is refused.
    await page.goto(url.replace(/token=[^&]+/, 'token=forged'));
    await page.getByTestId('check-in-error').waitFor();
    await page.goto(url);
    await page.getByTestId('check-in-done').waitFor();
    await saveScreenshot(page, 'volunteer-check-in-phone');

    await organiser.reload();
    await organiser.getByText('扫码').first().waitFor();
    await desk.close();
    await phone.close();
  });

  test('on a phone a member logs a visit with a photo, the secretary approves it, the member sees the points', async () => {
    const summary = `入户走访，检查燃气安全 ${Date.now()}`;
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'dangyuan');
    await page.goto('/points/mine');
    // The light phone shell (decision 0009): a native select of the households found.
    await page.locator('#householdId option:nth-child(2)').waitFor({ state: 'attached' });
    await page.locator('#householdId').selectOption({ index: 1 });
    await page.locator('#summary').fill(summary);
    await page.locator('input[type=file]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('photo-thumb').first().waitFor();
    await page.getByTestId('claim-submit').click();
    const mine = page.getByTestId('claim-item').filter({ hasText: summary });
    await mine.filter({ hasText: '待审核' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'points-log-visit-phone');
    const claims = await (await page.request.get('/api/points/claims?mine=true&state=pending')).json();
    const claim = claims.items.find((c: { summary: string }) => c.summary === summary);
    expect(claim.photoFileIds).toHaveLength(1);
    const before = (await (await page.request.get('/api/points/me')).json()).total as number;

    const desk = await newDesktopContext(browser, server.url);
    const page2 = await desk.newPage();
    await login(page2, 'shuji');
    await page2.goto('/points/approvals');
    const row = page2.getByRole('row').filter({ hasText: summary });
    await row.getByRole('button', { name: cjk('通过') }).click();
    await row.waitFor({ state: 'detached' });
    await desk.close();

    await page.reload();
    await mine.filter({ hasText: '已通过' }).waitFor();
    const after = (await (await page.request.get('/api/points/me')).json()).total as number;
    expect(after).toBe(before + claim.points);
    await phone.close();
  });
});
