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

const cjk = (text: string) => new RegExp(text.split('').join('\\s?'));

describe('small wish', { timeout: 300_000 }, () => {
  test('a resident files a wish on a phone, a unit claims and fulfils it, the resident rates it', async () => {
    const resident = await newPhoneContext(browser, server.url);
    const page = await resident.newPage();
    await page.goto('/public/410182002/requests');
    await page.getByText('京城路街道').first().waitFor();
    await page.locator('#orgFilter').fill('铁龙社区');
    await page.locator('#orgId').selectOption({ label: '铁龙社区党总支' });
    await page.locator('#title').fill('想要一个新书包');
    await page.locator('#content').fill('孩子上三年级，书包破了，希望有一个新书包。');
    await page.locator('#contactName').fill('陈女士');
    await page.locator('#phone').fill('13800005678');
    const label = await page.getByText(/验证题：\d+ \+ \d+ = \?/).textContent();
    const m = /(\d+) \+ (\d+)/.exec(label ?? '');
    expect(m).not.toBeNull();
    await page.locator('#challengeAnswer').fill(String(Number(m?.[1]) + Number(m?.[2])));
    await page.getByRole('button', { name: cjk('提交') }).click();
    const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await saveScreenshot(page, 'livelihood-public-wish-phone');

    const unit = await newPhoneContext(browser, server.url);
    const unitPage = await unit.newPage();
    await login(unitPage, 'danwei');
    await unitPage.goto('/requests');
    const card = unitPage.getByTestId('request-card').filter({ hasText: '想要一个新书包' }).first();
    await card.getByRole('button', { name: cjk('认领') }).click();
    await card.getByRole('button', { name: /完成并答复/ }).click();
    await unitPage.locator('.ant-modal textarea').fill('郑州中车职工已将新书包送到家中。');
    await unitPage.locator('.ant-modal').getByRole('button', { name: /确\s?定|OK/ }).click();
    await card.getByText('已答复').waitFor();

    await page.goto('/public/410182002/requests');
    await page.getByRole('tab', { name: '查询与评价' }).click();
    await page.locator('#tracking').fill(code);
    await page.locator('#last4').fill('5678');
    await page.getByRole('button', { name: cjk('查询') }).click();
    await page.getByTestId('public-state').filter({ hasText: '已答复' }).waitFor();
    await page.getByText('郑州中车职工已将新书包送到家中').waitFor();
    await page.getByRole('button', { name: cjk('评价') }).click();
    await page.getByText('感谢您的评价').waitFor();
    expect(await page.getByTestId('public-state').textContent()).toBe('已评价');
    await resident.close();
    await unit.close();
  });
});

describe('安置房 from the web', { timeout: 300_000 }, () => {
  test('a village secretary creates a project, builds units, lists a household, allocates, is refused twice in Chinese, and the rates follow the records and the street settings', async () => {
    const name = `石寨村三期安置区 ${Date.now() % 100000}`;
    const desk = await newDesktopContext(browser, server.url);
    const page = await desk.newPage();
    await login(page, 'shuji');
    await page.goto('/resettlement');
    await page.getByTestId('project-new').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建项目' });
    await dialog.locator('#orgId').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '石寨村党总支' }).first().click();
    await dialog.locator('#name').fill(name);
    await dialog.locator('#investmentYuan').fill('1234567.8');
    await dialog.getByRole('button', { name: cjk('保存') }).click();
    await page.waitForURL(/\/resettlement\/projects\//);
    await page.getByTestId('project-investment').filter({ hasText: '1,234,567.8' }).waitFor();

    await page.getByTestId('phase-add').click();
    const phaseDialog = page.locator('.ant-modal').filter({ hasText: '新增分期' });
    await phaseDialog.locator('#name').fill('一期');
    await phaseDialog.locator('#piling').fill('2019-03-01');
    await phaseDialog.getByRole('button', { name: cjk('保存') }).click();
    await page.getByTestId('milestone-piling').filter({ hasText: '滞后' }).waitFor();

    await page.getByRole('tab', { name: '楼栋与房屋' }).click();
    await page.locator('#name').fill('1号楼');
    await page.locator('#floors').fill('2');
    await page.locator('#perFloor').fill('2');
    await page.getByTestId('building-add').click();
    await page.locator('[data-label="1号楼-202"]').waitFor();

    await page.getByRole('tab', { name: '安置户' }).click();
    await page.locator('#householdId').click();
    const option = page.locator('.ant-select-item-option').first();
    const picked = ((await option.textContent()) ?? '').split('（')[0];
    expect(picked.length).toBeGreaterThan(0);
    await option.click();
    await page.getByTestId('household-add').click();
    await page.locator(`[data-testid="resettlement-household"][data-name="${picked}"]`).waitFor();

    await page.getByRole('tab', { name: '楼栋与房屋' }).click();
    const allocate = async (label: string) => {
      await page.locator(`[data-label="${label}"]`).getByTestId('allocate').click();
      const modal = page.locator('.ant-modal').filter({ hasText: label });
      await modal.getByTestId('allocate-household').click();
      await page.locator('.ant-select-item-option').filter({ hasText: picked }).first().click();
      await modal.getByRole('button', { name: cjk('保存') }).click();
      return modal;
    };
    await allocate('1号楼-101');
    await page.locator('[data-label="1号楼-101"]').filter({ hasText: picked }).waitFor();
    const second = await allocate('1号楼-102');
    await page.locator('.ant-message').getByText('该户应安置1套，已分配1套，不能重复分配').waitFor();
    await second.getByRole('button', { name: cjk('取消') }).click();

    await page.getByRole('tab', { name: '安置户' }).click();
    await page.locator(`[data-testid="resettlement-household"][data-name="${picked}"]`).getByTestId('move-back').click();
    await page.locator('.ant-modal').filter({ hasText: '登记回迁' }).getByRole('button', { name: cjk('保存') }).click();
    await page.locator('.ant-message').getByText('竣工验收完成前不能回迁').waitFor();
    await page.locator('.ant-modal').filter({ hasText: '登记回迁' }).waitFor({ state: 'hidden' });

    // Nothing started yet: 开工率 0%; piling begun today makes it 100% (counted by the server, never typed).
    await page.getByTestId('rate-start').filter({ hasText: '已开工 0 个' }).waitFor();
    await page.getByRole('tab', { name: '节点' }).click();
    await page.getByTestId('milestone-piling').getByRole('button', { name: cjk('登记') }).click();
    const ms = page.locator('.ant-modal').filter({ hasText: '桩基施工' });
    await ms.locator('#startedOn').fill('2019-03-05');
    await ms.getByRole('button', { name: cjk('保存') }).click();
    await page.getByTestId('rate-start').filter({ hasText: '已开工 1 个' }).waitFor();
    expect(await page.getByTestId('rate-start').textContent()).toContain('100');
    await page.getByTestId('rate-contract').filter({ hasText: '已分配 1 套' }).waitFor();
    await saveScreenshot(page, 'resettlement-project');
    const projectUrl = page.url();

    // The street admin counts 开工 only once piling is finished: the same project drops to 0%.
    const adminDesk = await newDesktopContext(browser, server.url);
    const admin = await adminDesk.newPage();
    await login(admin, 'admin');
    await admin.goto('/resettlement/settings');
    await admin.getByText('该节点完成（有实际完成日期）').click();
    await admin.locator('#reason').fill('按区住建局口径');
    await admin.getByTestId('settings-save').click();
    await admin.getByTestId('settings-version').filter({ hasText: '版本 2' }).waitFor();
    await admin.goto(projectUrl);
    await admin.getByTestId('rate-start').filter({ hasText: '已开工 0 个' }).waitFor();
    await adminDesk.close();
    await desk.close();
  });

  test('the project page fits a phone', async () => {
    const phone = await newPhoneContext(browser, server.url);
    const page = await phone.newPage();
    await login(page, 'shuji');
    await page.goto('/resettlement');
    await page.getByTestId('project-card').first().click();
    await page.waitForURL(/\/resettlement\/projects\//);
    await page.getByTestId('rate-start').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
