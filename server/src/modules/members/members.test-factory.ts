import ExcelJS from 'exceljs';
import { idCheckChar } from '../../platform/id-number.js';

/** Test data only: valid GB 11643 ID numbers, deterministic from a sequence number. */
export function validIdNumber(seq: number, opts: { birth?: string; checkX?: boolean } = {}): string {
  const birth = opts.birth ?? '19800101';
  for (let n = seq; n < seq + 1000; n++) {
    const first17 = `410182${birth}${String(n % 1000).padStart(3, '0')}`;
    const check = idCheckChar(first17);
    if (opts.checkX ? check === 'X' : check !== 'X') return first17 + check;
  }
  throw new Error('no id');
}

/** Swaps the check character for a wrong one. */
export function badCheckDigit(id: string): string {
  const wrong = id[17] === '1' ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export interface MessyRoster {
  buffer: Buffer;
  /** Spreadsheet row numbers and their expected fate. */
  createRows: number[];
  rejectRows: number[];
  createNames: string[];
  ids: Record<string, string>;
}

/**
 * A roster as streets keep them: merged title row, blank row, header with stray spaces, full-width
 * digits, dates as 2018.06 / 2018年6月1日 / 2018/6/1 / an Excel serial, a lowercase x, a wrong check
 * digit, a duplicate within the file, a person already registered, an unreadable date, an empty row.
 */
export async function buildMessyRoster(opts: { existingIdNumber: string; inScopeBranch: string; otherBranch: string; seed?: number }): Promise<MessyRoster> {
  const s = opts.seed ?? 100;
  const ids = {
    a: validIdNumber(s, { birth: '19850312' }),
    b: validIdNumber(s, { birth: '19900505', checkX: true }),
    c: validIdNumber(s + 1, { birth: '19751120' }),
    d: validIdNumber(s + 2, { birth: '19660218' }),
    e: validIdNumber(s + 3, { birth: '19920709' }),
    f: validIdNumber(s + 4, { birth: '19881001' }),
  };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['石寨村党员花名册（2018年）']);
  ws.mergeCells(1, 1, 1, 8);
  ws.addRow([]);
  ws.addRow(['序号', '姓 名', '身份证号码', '联系电话', '所在党支部', '党员类别', '入党时间', '家庭住址']);
  ws.addRow([1, ' 李 小明 ', toFullWidth(ids.a), toFullWidth('13812345678'), opts.inScopeBranch, '正式党员', '2018.06', '=HYPERLINK("http://x")']); // 4 create
  ws.addRow([2, '王芳', ids.b.toLowerCase(), '139 0000 1111', opts.inScopeBranch, '预备党员', '2018年6月1日', '石寨村3号']); // 5 create
  ws.addRow([3, '赵刚', ids.c, '', opts.inScopeBranch, '正式', 43252, '']); // 6 create (Excel serial)
  ws.addRow([4, '钱多', badCheckDigit(ids.d), '13700001111', opts.inScopeBranch, '正式党员', '2010-01-01', '']); // 7 reject: check digit
  ws.addRow([5, '孙丽', ids.a, '13700002222', opts.inScopeBranch, '正式党员', '2012-07-01', '']); // 8 reject: duplicate of row 4
  ws.addRow([6, '周强', opts.existingIdNumber, '13700003333', opts.inScopeBranch, '正式党员', '2001-07-01', '']); // 9 reject: already registered
  ws.addRow([7, '吴敏', ids.e, '15000004444', opts.otherBranch, '正式党员', '2018/6/1', '']); // 10 create for admin
  ws.addRow([]); // 11 empty: skipped
  ws.addRow([8, '郑好', ids.f, '15100005555', opts.inScopeBranch, '正式党员', '去年', '']); // 12 reject: date
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    createRows: [4, 5, 6, 10],
    rejectRows: [7, 8, 9, 12],
    createNames: ['李小明', '王芳', '赵刚', '吴敏'],
    ids,
  };
}
