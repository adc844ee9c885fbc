import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from './excel.js';
import { StreamingLedgerWorkbook } from './excel-stream.js';

describe('the streaming ledger writer', () => {
  it('pulls rows from an async source as it writes them: 12,000 rows, never far ahead of the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-xlsx-'));
    const file = path.join(dir, 'big.xlsx');
    const total = 12_000;
    let produced = 0;
    let written = 0;
    let furthestAhead = 0;
    // Keyset-style pages of 1,000, the way a ledger reading the database page by page would hand rows over.
    async function* rows(): AsyncGenerator<{ n: number; name: string }> {
      for (let page = 0; page * 1000 < total; page++) {
        await new Promise((r) => setImmediate(r));
        for (let i = 0; i < 1000; i++) {
          produced++;
          furthestAhead = Math.max(furthestAhead, produced - written);
          yield { n: page * 1000 + i + 1, name: i === 0 ? '=HYPERLINK("x")' : `党员${page * 1000 + i + 1}` };
        }
      }
    }
    const writer = new StreamingLedgerWorkbook(file);
    const n = await writer.addSheet(
      { sheetName: '名册', title: '党员名册', unitName: '京城路街道党工委', columns: [{ header: '编号', value: (r) => r.n }, { header: '姓名', value: (r) => r.name }], rows: rows(), totals: { 0: `共 ${total} 人` } },
      async (done) => {
        written = done;
      },
    );
    await writer.finish();
    expect(n).toBe(total);
    expect(written).toBe(total);
    // The source is drained at the writer's pace: never more than one page plus one progress step ahead.
    expect(furthestAhead).toBeLessThanOrEqual(1000 + 500);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(cellText(ws.getCell(1, 1).value)).toBe('党员名册');
    expect(cellText(ws.getCell(3, 1).value)).toBe('序号');
    expect(ws.getCell(4, 2).value).toBe(1);
    // Formula-looking text is written as text.
    expect(cellText(ws.getCell(4, 3).value).startsWith("'=")).toBe(true);
    expect(ws.getCell(3 + total, 1).value).toBe(total);
    expect(cellText(ws.getCell(4 + total, 1).value)).toBe('合计');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
