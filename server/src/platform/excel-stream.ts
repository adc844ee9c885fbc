import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { escapeCell, xlsxDownload, type LedgerSheet } from './excel.js';

type CellInput = string | number | Date | null | undefined;

function cellValue(v: CellInput): string | number | Date | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? escapeCell(v) : v;
}

/**
 * A workbook written row by row to a file (exceljs streaming writer), in the same ledger layout as
 * platform/excel.ts: title, unit and period, 序号 and headers, rows, totals, sign-off line.
 * Rows are committed as they are written, so memory does not grow with the row count.
 */
export class StreamingLedgerWorkbook {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly usedNames = new Set<string>();

  constructor(filename: string) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'Gongjian';
  }

  private uniqueName(name: string): string {
    const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || '台账';
    let candidate = base;
    for (let i = 2; this.usedNames.has(candidate); i++) candidate = `${base}${i}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  /** Writes one ledger sheet; `onRows` is told the running row count every 500 rows and at the end. */
  async addSheet<Row>(sheet: Omit<LedgerSheet<Row>, 'rows'> & { rows: Iterable<Row> | AsyncIterable<Row> }, onRows?: (n: number) => Promise<void>): Promise<number> {
    const ws = this.wb.addWorksheet(this.uniqueName(sheet.sheetName));
    const colCount = sheet.columns.length + 1;
    ws.columns = [{ width: 6 }, ...sheet.columns.map((c) => ({ width: c.width ?? 16 }))];
    const title = ws.addRow([sheet.title]);
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center' };
    ws.mergeCells(1, 1, 1, colCount);
    title.commit();
    const now = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    ws.addRow([`填报单位：${sheet.unitName}`, ...Array(Math.max(0, colCount - 2)).fill(null), sheet.period ?? `导出时间：${now}`]).commit();
    const header = ws.addRow(['序号', ...sheet.columns.map((c) => c.header)]);
    header.font = { bold: true };
    header.commit();
    let n = 0;
    for await (const row of sheet.rows) {
      n++;
      ws.addRow([n, ...sheet.columns.map((c) => cellValue(c.value(row)))]).commit();
      if (onRows && n % 500 === 0) await onRows(n);
    }
    if (sheet.totals) {
      const cells: (string | number | null)[] = Array(colCount).fill(null);
      cells[0] = '合计';
      for (const [idx, v] of Object.entries(sheet.totals)) cells[Number(idx) + 1] = v;
      const totals = ws.addRow(cells);
      totals.font = { bold: true };
      totals.commit();
    }
    if (sheet.signOff !== false) {
      ws.addRow([]).commit();
      ws.addRow(['填表人：', null, '审核人：', null, '负责人（签字）：']).commit();
    }
    ws.commit();
    if (onRows) await onRows(n);
    return n;
  }

  async finish(): Promise<void> {
    await this.wb.commit();
  }
}

/**
 * Sends one ledger as a download without holding it in memory: rows (an async iterable of keyset pages, say) are
 * written to a temporary file by the streaming writer, which is then streamed to the client and removed. Errors
 * before the first byte (scope, validation, the query) still answer as JSON.
 */
export async function sendStreamedLedger<Row>(reply: FastifyReply, sheet: Omit<LedgerSheet<Row>, 'rows'> & { rows: Iterable<Row> | AsyncIterable<Row> }, filename: string): Promise<FastifyReply> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-ledger-'));
  const file = path.join(dir, 'ledger.xlsx');
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const wb = new StreamingLedgerWorkbook(file);
    await wb.addSheet(sheet);
    await wb.finish();
  } catch (e) {
    cleanUp();
    throw e;
  }
  const stream = fs.createReadStream(file);
  stream.once('close', cleanUp);
  return xlsxDownload(reply, filename).header('Content-Length', fs.statSync(file).size).send(stream);
}

