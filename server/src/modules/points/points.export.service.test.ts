import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerWorkbook, loadWorkbook } from '../../platform/excel.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildLedgerSheet } from './points.export.js';
import { entryTotals, listEntries, streamEntries } from './points.ledger.js';

describe('points ledger export streams every entry page by page', () => {
  let t: TestApp;
  let ctx: ActorContext;
  const period = { from: '2018-01-01', to: '2018-12-31' };
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    ctx = await t.contextFor('admin');
  });
  afterAll(async () => t.close());

  it('yields exactly the listed entries, newest first, no repeats, across keyset pages', async () => {
    const totals = await entryTotals(ctx, period);
    const listed = await listEntries(ctx, { page: 1, pageSize: 1, ...period });
    expect(totals.count).toBe(listed.total);
    expect(totals.count).toBeGreaterThan(1000);
    const seen = new Set<string>();
    let points = 0;
    let previous = '9999-12-31';
    let ordered = true;
    for await (const e of streamEntries(ctx.db, ctx, period, 257)) {
      seen.add(e.id);
      points += e.points;
      if (e.occurredOn > previous) ordered = false;
      previous = e.occurredOn;
    }
    expect(seen.size).toBe(totals.count);
    expect(points).toBe(totals.points);
    expect(ordered).toBe(true);
  });

  it('the workbook holds one row per entry and the totals row', async () => {
    const totals = await entryTotals(ctx, period);
    const wb = await loadWorkbook(await buildLedgerWorkbook(await buildLedgerSheet(ctx, period)));
    const ws = wb.worksheets[0];
    const dataRows: number[] = [];
    ws.eachRow((row, n) => {
      if (typeof row.getCell(1).value === 'number') dataRows.push(n);
    });
    expect(dataRows.length).toBe(totals.count);
    let totalsRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '合计') totalsRow = row;
    });
    expect(totalsRow?.getCell(7).value).toBe(totals.points);
  });
});
