import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../platform/excel.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildDailyDigests } from './dashboards.inbox.js';
import { effectiveMetricId } from './dashboards.service.js';

describe('dashboard, ledger and inbox routes', { timeout: 300_000 }, () => {
  let t: TestApp;
  let admin: string;
  let shuji: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
    shuji = await t.login('shuji');
  });
  afterAll(async () => t.close());

  it('GET /api/dashboard/summary?period=2018 gives metric id → value, unit, version', async () => {
    expect((await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018' })).statusCode).toBe(401);
    const dangyuan = await t.login('dangyuan');
    expect((await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018', cookie: dangyuan })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018-13', cookie: admin })).statusCode).toBe(400);
    const res = await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018', cookie: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ label: '2018年', from: '2018-01-01', to: '2018-12-31' });
    expect(body.metrics[await effectiveMetricId('org.villages')]).toMatchObject({ value: 8, unit: '个' });
    // A secretary asking for the street gets not found, never forbidden.
    const out = await t.request({ method: 'GET', url: `/api/dashboard/summary?period=2018&orgId=${body.org.id}`, cookie: shuji });
    expect(out.statusCode).toBe(404);
  });

  it('GET /api/dashboard/grid-map and /default-period answer within scope', async () => {
    const map = await t.request({ method: 'GET', url: '/api/dashboard/grid-map', cookie: shuji });
    expect(map.statusCode).toBe(200);
    expect(map.json().items.length).toBeGreaterThan(0);
    expect(map.json().items[0].polygons[0].length).toBeGreaterThanOrEqual(4);
    const p = await t.request({ method: 'GET', url: '/api/dashboard/default-period', cookie: admin });
    expect(p.statusCode).toBe(200);
    expect(p.json().period).toMatch(/^\d{4}$/);
    const street = (await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018', cookie: admin })).json().org.id as string;
    expect((await t.request({ method: 'GET', url: `/api/dashboard/grid-map?orgId=${street}`, cookie: shuji })).statusCode).toBe(404);
  });

  it('the report page lists each reported figure beside the computed one', async () => {
    const res = await t.request({ method: 'GET', url: '/api/dashboard/report?period=2018', cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: { reportedText: string }) => i.reportedText.length > 0)).toBe(true);
  });

  it('drill-down records page and export as a ledger-layout workbook', async () => {
    const res = await t.request({ method: 'GET', url: `/api/dashboard/metrics/${await effectiveMetricId('org.communities')}/records?period=2018&pageSize=50`, cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(13);
    expect(res.json().items).toHaveLength(13);
    expect((await t.request({ method: 'GET', url: '/api/dashboard/metrics/nope.nope/records', cookie: admin })).statusCode).toBe(404);
    const x = await t.request({ method: 'GET', url: `/api/dashboard/metrics/${await effectiveMetricId('org.communities')}/records.xlsx?period=2018`, cookie: admin });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(cellText(ws.getCell(1, 1).value)).toContain('社区党组织');
    expect(cellText(ws.getCell(3, 1).value)).toBe('序号');
    expect(cellText(ws.getCell(4 + 13, 1).value)).toBe('合计');
  });

  it('snapshots keep the metric versions they were computed with', async () => {
    const res = await t.request({ method: 'POST', url: '/api/dashboard/snapshots', cookie: admin, payload: { title: '2018年度报表', period: '2018' } });
    expect(res.statusCode).toBe(201);
    const snap = res.json();
    const villagesId = await effectiveMetricId('org.villages');
    const v = snap.values.find((x: { id: string }) => x.id === villagesId);
    expect(v).toMatchObject({ value: 8 });
    expect(v.currentVersion).toBe(v.version);
    expect((await t.request({ method: 'GET', url: `/api/dashboard/snapshots/${snap.id}`, cookie: shuji })).statusCode).toBe(404);
    const jijian = await t.login('jijian');
    expect((await t.request({ method: 'POST', url: '/api/dashboard/snapshots', cookie: jijian, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/dashboard/snapshots/${snap.id}`, cookie: jijian })).statusCode).toBe(200);
  });

  it('exports the whole ledger set through a job whose state lives in the database', async () => {
    const list = await t.request({ method: 'GET', url: '/api/ledgers', cookie: admin });
    expect(list.json().items.map((l: { id: string }) => l.id)).toContain('dashboard.summary');
    const created = await t.request({ method: 'POST', url: '/api/ledgers/exports', cookie: admin, payload: { target: 'all', period: '2018' } });
    expect(created.statusCode).toBe(202);
    const id = created.json().id as string;
    let job = created.json();
    for (let i = 0; i < 600 && (job.state === 'queued' || job.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await t.request({ method: 'GET', url: `/api/ledgers/exports/${id}`, cookie: admin })).json();
    }
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(job.rowsDone).toBeGreaterThan(0);
    // Someone else's job does not exist for them.
    expect((await t.request({ method: 'GET', url: `/api/ledgers/exports/${id}`, cookie: shuji })).statusCode).toBe(404);
    const file = await t.request({ method: 'GET', url: `/api/ledgers/exports/${id}/file`, cookie: admin });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(list.json().items.length);
    expect(cellText(wb.worksheets[0].getCell(3, 1).value)).toBe('序号');
  }, 300_000);

  it('inbox count and daily digest answer for every role', async () => {
    const count = await t.request({ method: 'GET', url: '/api/inbox/count', cookie: shuji });
    expect(count.statusCode).toBe(200);
    expect(typeof count.json().count).toBe('number');
    const inbox = await t.request({ method: 'GET', url: '/api/inbox', cookie: admin });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().count).toBe(inbox.json().items.reduce((n: number, i: { count: number | null }) => n + (i.count ?? 1), 0));
    const r = await buildDailyDigests(t.db, t.services, '2018-11-12');
    expect(r.users).toBeGreaterThan(0);
    const d = await t.request({ method: 'GET', url: '/api/inbox/digest?day=2018-11-12', cookie: admin });
    expect(d.statusCode).toBe(200);
    expect(d.json().itemCount).toBe(d.json().items.reduce((n: number, i: { count?: number }) => n + (i.count ?? 1), 0));
  });
});
