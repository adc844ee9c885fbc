import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.js';

export interface LedgerColumn<Row> {
  header: string;
  width?: number;
  /**
   * Method syntax on purpose: it lets a LedgerSheet<SomeRow> be handed on as a LedgerSheet<unknown>
   * (the ledger centre never looks inside rows; it only passes each row back to its own columns).
   */
  value(row: Row): string | number | Date | null | undefined;
}

export interface LedgerSheet<Row> {
  sheetName: string;
  /** Title row, e.g. 京城路街道党员名册 */
  title: string;
  /** Unit named under the title, e.g. 填报单位：京城路街道党工委 */
  unitName: string;
  /** Period or date line, e.g. 2018年 / 导出时间 */
  period?: string;
  columns: LedgerColumn<Row>[];
  /** An array, or an async iterable for ledgers too big to hold at once (read page by page as written). */
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Optional totals row: column index → value */
  totals?: Record<number, string | number>;
  signOff?: boolean;
}

/** Cells starting with = + - @ (or tab/CR) would run as formulas in Excel: prefix with a quote. */
export function escapeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellValue(v: string | number | Date | null | undefined): string | number | Date | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return escapeCell(v);
  return v;
}

/** Adds one ledger sheet in the layout officials file: title, unit and date, 序号, headers, rows, totals, sign-off. */
export async function addLedgerSheet<Row>(wb: ExcelJS.Workbook, sheet: LedgerSheet<Row>): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(sheet.sheetName.slice(0, 31));
  const colCount = sheet.columns.length + 1;
  ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, colCount);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  const now = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  ws.addRow([`填报单位：${sheet.unitName}`, ...Array(Math.max(0, colCount - 2)).fill(null), sheet.period ?? `导出时间：${now}`]);
  const header = ws.addRow(['序号', ...sheet.columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  ws.getColumn(1).width = 6;
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 2).width = c.width ?? 16;
  });
  let n = 0;
  for await (const row of sheet.rows) {
    n++;
    ws.addRow([n, ...sheet.columns.map((c) => cellValue(c.value(row)))]);
  }
  if (sheet.totals) {
    const cells: (string | number | null)[] = Array(colCount).fill(null);
    cells[0] = '合计';
    for (const [idx, v] of Object.entries(sheet.totals)) cells[Number(idx) + 1] = v;
    ws.addRow(cells).font = { bold: true };
  }
  if (sheet.signOff !== false) {
    ws.addRow([]);
    ws.addRow(['填表人：', null, '审核人：', null, '负责人（签字）：']);
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

export async function buildLedgerWorkbook<Row>(sheet: LedgerSheet<Row>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian';
  await addLedgerSheet(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The headers of an .xlsx download (never cached: ledgers hold personal data). */
export function xlsxDownload(reply: FastifyReply, filename: string): FastifyReply {
  return reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('Cache-Control', 'no-store');
}

export function sendXlsx(reply: FastifyReply, buffer: Buffer, filename: string): FastifyReply {
  return xlsxDownload(reply, filename).send(buffer);
}

/** Loads an uploaded workbook; a malformed or non-xlsx file is a VALIDATION error, not a crash. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('VALIDATION', '文件不是有效的 .xlsx 表格', [{ path: 'file', message: '文件不是有效的 .xlsx 表格' }]);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '表格文件已损坏，无法读取', [{ path: 'file', message: '表格文件已损坏，无法读取' }]);
  }
  if (wb.worksheets.length === 0) throw new AppError('VALIDATION', '表格中没有工作表');
  return wb;
}

/** The text of a cell as a person would read it (rich text, formulas' results, dates). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}
