import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orgUnits } from '../org-units/index.js';
import { grids } from '../places/index.js';
import { hazards } from './hazards.table.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function multipart(content: Buffer, filename: string, type: string) {
  const boundary = 'gjhazardboundary';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('hazards', { timeout: 240_000 }, () => {
  let t: TestApp;
  let worker: string;
  let shuji: string;
  let admin: string;
  let photo: string;
  let centre: { lat: number; lng: number; orgId: string; gridId: string };

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    worker = await t.login('wanggeyuan');
    shuji = await t.login('shuji');
    admin = await t.login('admin');
    const up = await t.request({ method: 'POST', url: '/api/files', cookie: worker, ...multipart(PNG, 'photo.png', 'image/png') });
    expect(up.statusCode).toBe(201);
    photo = up.json().id;
    const [g] = await t.db
      .select({ lat: grids.centerLat, lng: grids.centerLng, orgId: grids.orgId, gridId: grids.id })
      .from(grids)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, grids.tenantId), eq(orgUnits.id, grids.orgId)))
      .where(eq(orgUnits.name, '石寨村党总支'))
      .limit(1);
    centre = { lat: g.lat ?? 0, lng: g.lng ?? 0, orgId: g.orgId, gridId: g.gridId };
  }, 600_000); // shared machines: loading the demo street can be slow
  afterAll(async () => t.close());

  const report = (body: Record<string, unknown>, cookie = worker) => t.request({ method: 'POST', url: '/api/hazards', cookie, payload: body });

  it('refuses coordinates out of range, a missing location and a photo that is really a script', async () => {
    const bad = await report({ category: 'fire', description: '楼道堆物', lat: 95, lng: 113.38 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION');
    const none = await report({ category: 'fire', description: '楼道堆物' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details[0].path).toBe('address');
    const script = await t.request({ method: 'POST', url: '/api/files', cookie: worker, ...multipart(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg', 'image/jpeg') });
    expect(script.statusCode).toBe(400);
    const before = await t.db.select({ n: count() }).from(hazards);
    const ghost = await report({ category: 'fire', description: '楼道堆物', address: '石寨村', photoFileIds: [crypto.randomUUID()] });
    expect(ghost.statusCode).toBe(400);
    expect((await t.db.select({ n: count() }).from(hazards))[0].n).toBe(before[0].n);
  });

  it('places a point report in its grid, warns about open duplicates within 50 m and lets the worker link instead', async () => {
    const res = await report({ category: 'gas', severity: 'major', description: '燃气软管老化开裂', lat: centre.lat, lng: centre.lng, photoFileIds: [photo] });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h.gridId).toBe(centre.gridId);
    expect(h.orgId).toBe(centre.orgId);
    expect(h.status).toBe('pending');
    const near = await t.request({ method: 'GET', url: `/api/hazards/nearby?category=gas&lat=${centre.lat + 0.0002}&lng=${centre.lng}`, cookie: worker });
    expect(near.statusCode).toBe(200);
    const hit = near.json().items.find((i: { id: string }) => i.id === h.id);
    expect(hit.distance).toBeLessThanOrEqual(50);
    expect(hit.photoFileIds).toEqual([photo]);
    const far = await t.request({ method: 'GET', url: `/api/hazards/nearby?category=gas&lat=${centre.lat + 0.0006}&lng=${centre.lng}`, cookie: worker });
    expect(far.json().items.some((i: { id: string }) => i.id === h.id)).toBe(false);
    const other = await t.request({ method: 'GET', url: `/api/hazards/nearby?category=fire&lat=${centre.lat}&lng=${centre.lng}`, cookie: worker });
    expect(other.json().items.some((i: { id: string }) => i.id === h.id)).toBe(false);
    const linked = await t.request({ method: 'POST', url: `/api/hazards/${h.id}/link`, cookie: worker, payload: { photoFileIds: [photo] } });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().reportCount).toBe(2);
  });

  it('accepts an address typed by keyboard and fixes it at once with evidence, but not after 24 hours', async () => {
    const res = await report({ category: 'sanitation', description: '垃圾桶满溢', address: '石寨村三组村委会东侧' });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const noEvidence = await t.request({ method: 'POST', url: `/api/hazards/${id}/fix-now`, cookie: worker, payload: { note: '已清运', evidenceFileIds: [] } });
    expect(noEvidence.statusCode).toBe(400);
    const fixed = await t.request({ method: 'POST', url: `/api/hazards/${id}/fix-now`, cookie: worker, payload: { note: '已清运', evidenceFileIds: [photo] } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().status).toBe('fixed');
    const again = await t.request({ method: 'POST', url: `/api/hazards/${id}/fix-now`, cookie: worker, payload: { note: '已清运', evidenceFileIds: [photo] } });
    expect(again.statusCode).toBe(409);

    const late = (await report({ category: 'fire', description: '灭火器过期', address: '石寨村一组' })).json().id;
    await t.db.update(hazards).set({ reportedAt: new Date(Date.now() - 30 * 3_600_000) }).where(eq(hazards.id, late));
    const tooLate = await t.request({ method: 'POST', url: `/api/hazards/${late}/fix-now`, cookie: worker, payload: { note: '已更换', evidenceFileIds: [photo] } });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('INVALID_STATE');
  });

  it('fixes by deadline through the rectification ledger and closes when another user verifies', async () => {
    const id = (await report({ category: 'construction', description: '工地裸土未覆盖', lat: centre.lat, lng: centre.lng, photoFileIds: [photo] })).json().id;
    const past = await t.request({ method: 'POST', url: `/api/hazards/${id}/deadline`, cookie: worker, payload: { orgId: centre.orgId, responsibleName: '李工', measures: '覆盖防尘网', deadline: { date: '2020-01-01' } } });
    expect(past.statusCode).toBe(400);
    const res = await t.request({ method: 'POST', url: `/api/hazards/${id}/deadline`, cookie: worker, payload: { orgId: centre.orgId, responsibleName: '李工', measures: '覆盖防尘网', deadline: { workingDays: 3 } } });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.status).toBe('rectifying');
    const itemUrl = `/api/rectification/items/${h.rectificationItemId}`;
    expect((await t.request({ method: 'POST', url: `${itemUrl}/assign`, cookie: worker, payload: { responsibleName: '李工' } })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `${itemUrl}/start`, cookie: worker, payload: {} })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `${itemUrl}/submit`, cookie: worker, payload: { note: '已覆盖', evidenceFileIds: [photo] } })).statusCode).toBe(200);
    const self = await t.request({ method: 'POST', url: `${itemUrl}/verify`, cookie: admin, payload: {} });
    expect(self.statusCode).toBe(200); // admin did not submit the fix
    const after = await t.request({ method: 'GET', url: `/api/hazards/${id}`, cookie: shuji });
    expect(after.json().status).toBe('closed');
    expect(after.json().rectificationState).toBe('closed');
  });

  it('keeps grid workers to their own village and refuses roles without the permission', async () => {
    const [outside] = await t.db
      .select({ id: hazards.id })
      .from(hazards)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
      .where(sql`${orgUnits.name} <> '石寨村党总支'`)
      .limit(1);
    expect((await t.request({ method: 'GET', url: `/api/hazards/${outside.id}`, cookie: admin })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/hazards/${outside.id}`, cookie: worker })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/hazards/${outside.id}/fix-now`, cookie: worker, payload: { note: 'x', evidenceFileIds: [photo] } })).statusCode).toBe(404);
    const resident = await t.login('jumin');
    expect((await t.request({ method: 'GET', url: '/api/hazards', cookie: resident })).statusCode).toBe(403);
    const list = await t.request({ method: 'GET', url: '/api/hazards?pageSize=200', cookie: worker });
    expect(list.json().items.every((i: { orgName: string }) => i.orgName === '石寨村党总支')).toBe(true);
  });

  it('pages the list by keyset, newest first, without repeats', async () => {
    const first = (await t.request({ method: 'GET', url: '/api/hazards?pageSize=7', cookie: admin })).json();
    expect(first.items).toHaveLength(7);
    const second = (await t.request({ method: 'GET', url: `/api/hazards?pageSize=7&cursor=${first.nextCursor}`, cookie: admin })).json();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((i: { id: string }) => i.id)).size).toBe(14);
    const times = all.map((i: { reportedAt: string }) => i.reportedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await t.request({ method: 'GET', url: '/api/hazards?cursor=garbage', cookie: admin })).statusCode).toBe(400);
  });

  it('pages through a whole month without gaps, even when reports share a timestamp', async () => {
    // Thirty copies of a March report within one millisecond, microseconds apart (a bulk import can do this): every
    // page boundary of 13 inside the block would lose rows if the cursor dropped the microseconds.
    const [one] = await t.db.select().from(hazards).where(and(gte(hazards.reportedDate, '2018-03-01'), lte(hazards.reportedDate, '2018-03-31'))).limit(1);
    const copies = await t.db
      .insert(hazards)
      .values(Array.from({ length: 30 }, (_, n) => ({ ...one, id: undefined, description: `${one.description}（副本${n + 1}）`, rectificationItemId: null, reportedAt: sql`${`2018-03-15 02:00:00.1230${String(n + 10)}+00`}::timestamptz` })))
      .returning({ id: hazards.id });
    // The copies leave with the test: the other tests of this file count the demo street's 2018 hazards.
    onTestFinished(async () => {
      await t.db.delete(hazards).where(inArray(hazards.id, copies.map((c) => c.id)));
    });
    const [expected] = await t.db.select({ n: count() }).from(hazards).where(and(gte(hazards.reportedDate, '2018-03-01'), lte(hazards.reportedDate, '2018-03-31')));
    const seen = new Set<string>();
    let cursor = '';
    for (let i = 0; i < 1000; i++) {
      const page = (await t.request({ method: 'GET', url: `/api/hazards?from=2018-03-01&to=2018-03-31&pageSize=13${cursor ? `&cursor=${cursor}` : ''}`, cookie: admin })).json();
      for (const h of page.items as Array<{ id: string }>) seen.add(h.id);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(expected.n);
  });

  it('reports the 2018 figures of the demo street, matching a hand count and the report', async () => {
    const res = await t.request({ method: 'GET', url: '/api/hazards/figures?from=2018-01-01&to=2018-12-31', cookie: admin });
    expect(res.statusCode).toBe(200);
    const fig = Object.fromEntries(res.json().figures.map((f: { id: string; value: number }) => [f.id, f]));
    const in2018 = and(gte(hazards.reportedDate, '2018-01-01'), lte(hazards.reportedDate, '2018-12-31'));
    const [found] = await t.db.select({ n: count() }).from(hazards).where(in2018);
    const [immediate] = await t.db.select({ n: count() }).from(hazards).where(and(in2018, eq(hazards.resolution, 'immediate')));
    const [deadline] = await t.db.select({ n: count() }).from(hazards).where(and(in2018, eq(hazards.resolution, 'deadline')));
    expect(fig['hazards.found'].value).toBe(found.n);
    expect(fig['hazards.fixed_immediately'].value).toBe(immediate.n);
    expect(fig['hazards.fixed_by_deadline'].value).toBe(deadline.n);
    expect(found.n).toBeGreaterThanOrEqual(5400);
    expect(immediate.n).toBeGreaterThanOrEqual(4500);
    expect(deadline.n).toBeGreaterThanOrEqual(900);
    expect(fig['hazards.overdue'].value).toBeGreaterThan(0);
    expect(fig['hazards.on_time_rate'].value).toBeGreaterThan(90);
    expect(fig['hazards.immediate_rate'].numerator).toBe(immediate.n);
    const shizhai = await t.request({ method: 'GET', url: '/api/hazards/figures?from=2018-01-01&to=2018-12-31', cookie: worker });
    const shizhaiFound = shizhai.json().figures.find((f: { id: string }) => f.id === 'hazards.found').value;
    expect(shizhaiFound).toBeGreaterThan(0);
    expect(shizhaiFound).toBeLessThan(found.n);
  });

  it('exports the hazard ledger as the spreadsheet the street files', async () => {
    const res = await t.request({ method: 'GET', url: '/api/hazards/export.xlsx?from=2018-01-01&to=2018-01-31', cookie: admin });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toContain('安全隐患排查整改台账');
    expect(ws.getCell(3, 1).value).toBe('序号');
    const [jan] = await t.db.select({ n: count() }).from(hazards).where(and(gte(hazards.reportedDate, '2018-01-01'), lte(hazards.reportedDate, '2018-01-31')));
    expect(ws.getCell(3 + jan.n, 1).value).toBe(jan.n);
    const items = await t.request({ method: 'GET', url: '/api/rectification/items.xlsx', cookie: admin });
    expect(items.statusCode).toBe(200);
  });
});
