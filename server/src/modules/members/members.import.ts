import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, eq, inArray, like } from 'drizzle-orm';
import { sha256 } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { cellText, escapeCell, loadWorkbook } from '../../platform/excel.js';
import { idNumberProblemText, parseIdNumber, type IdNumberInfo } from '../../platform/id-number.js';
import { maskIdNumber } from '../../platform/masking.js';
import { namePinyin } from '../../platform/pinyin.js';
import type { ActorContext } from '../../platform/request-context.js';
import { normaliseText, parseLooseDate } from '../../platform/text-normalise.js';
import { recordAudit } from '../audit/index.js';
import { orgUnits } from '../org-units/index.js';
import { members, type MemberCategory } from './members.table.js';
import { sealIdNumber, sealPhone } from './members.service.js';

/** Columns of the roster, with the header spellings real spreadsheets use. */
const fieldHeaders = {
  name: ['姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
  phone: ['手机号', '手机号码', '联系电话', '电话', '联系方式'],
  gender: ['性别'],
  ethnicity: ['民族'],
  education: ['学历', '文化程度'],
  org: ['所在党支部', '所在党组织', '党支部', '所在支部', '党组织'],
  category: ['党员类别', '人员类别', '类别', '党员类型'],
  joinDate: ['入党日期', '入党时间'],
  regularisedDate: ['转正日期', '转正时间'],
  posts: ['党内职务', '职务'],
  address: ['家庭住址', '住址', '地址', '现居住地'],
} as const;
type Field = keyof typeof fieldHeaders;

/** The template's header row, in order. */
export const templateHeaders = ['姓名', '身份证号', '手机号', '民族', '学历', '所在党支部', '党员类别', '入党日期', '转正日期', '党内职务', '家庭住址'];

const MAX_ROWS = 50_000;
const HEADER_SCAN_ROWS = 20;

export type ImportFate = 'create' | 'reject';

export interface ImportRowReport {
  rowNumber: number;
  name: string;
  idNumberMasked: string | null;
  orgName: string | null;
  category: MemberCategory | null;
  joinDate: string | null;
  fate: ImportFate;
  reasons: string[];
}

export interface ImportPlan {
  /** sha256 of the file's bytes: the commit must re-send the same file. */
  token: string;
  /** sha256 of every row's fate: the commit refuses if the fates would differ now. */
  planDigest: string;
  sheetName: string;
  headers: string[];
  rows: ImportRowReport[];
  summary: { total: number; create: number; reject: number };
}

interface ParsedRow {
  rowNumber: number;
  /** The row's cells as text, in header order (for the rejected-rows workbook). */
  cells: string[];
  name: string;
  id: IdNumberInfo | null;
  idText: string;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  orgText: string;
  category: MemberCategory | null;
  joinDate: string | null;
  regularisedDate: string | null;
  posts: string[];
  address: string | null;
  reasons: string[];
}

interface Sheet {
  name: string;
  headers: string[];
  rows: ParsedRow[];
}

function compact(s: string): string {
  return normaliseText(s).replace(/\s/g, '');
}

function findHeader(ws: ExcelJS.Worksheet): { rowNumber: number; columns: Map<Field, number>; headers: string[] } | null {
  const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const texts: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) texts.push(compact(cellText(row.getCell(c).value)));
    const columns = new Map<Field, number>();
    for (const [field, names] of Object.entries(fieldHeaders) as Array<[Field, readonly string[]]>) {
      const idx = texts.findIndex((t) => names.some((n) => t === n || t.replace(/[（(].*[)）]$/, '') === n));
      if (idx >= 0) columns.set(field, idx + 1);
    }
    if (columns.has('name') && columns.has('idNumber')) {
      let width = texts.length;
      while (width > 0 && texts[width - 1] === '') width--;
      return { rowNumber: r, columns, headers: texts.slice(0, width) };
    }
  }
  return null;
}

function parseCategory(text: string): MemberCategory | null | 'invalid' {
  const t = compact(text);
  if (t === '') return null;
  if (t.startsWith('正式')) return 'formal';
  if (t.startsWith('预备')) return 'probationary';
  return 'invalid';
}

function readDate(v: ExcelJS.CellValue, label: string, reasons: string[]): string | null {
  const raw = v instanceof Date || typeof v === 'number' ? v : cellText(v);
  if (raw === '' || raw === null) return null;
  const d = parseLooseDate(raw);
  if (!d) reasons.push(`${label}“${cellText(v)}”无法识别`);
  return d;
}

function parseRow(row: ExcelJS.Row, columns: Map<Field, number>, width: number): ParsedRow | null {
  const value = (f: Field): ExcelJS.CellValue => {
    const c = columns.get(f);
    return c ? row.getCell(c).value : null;
  };
  const text = (f: Field) => normaliseText(cellText(value(f)));
  const cells: string[] = [];
  for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
  if (cells.every((c) => normaliseText(c) === '')) return null;
  const reasons: string[] = [];
  const name = compact(cellText(value('name')));
  if (!name) reasons.push('姓名为空');
  else if (name.length > 50) reasons.push('姓名过长');
  const idText = compact(cellText(value('idNumber'))).toUpperCase();
  let id: IdNumberInfo | null = null;
  if (!idText) reasons.push('身份证号为空');
  else {
    const parsed = parseIdNumber(idText);
    if (parsed.ok) id = parsed.info;
    else reasons.push(idNumberProblemText[parsed.problem]);
  }
  const phoneText = compact(cellText(value('phone'))).replace(/[-－—]/g, '');
  let phone: string | null = null;
  if (phoneText) {
    if (/^1\d{10}$/.test(phoneText)) phone = phoneText;
    else reasons.push(`手机号“${phoneText}”格式不正确`);
  }
  const category = parseCategory(text('category'));
  if (category === 'invalid') reasons.push(`党员类别“${text('category')}”应为正式党员或预备党员`);
  const joinDate = readDate(value('joinDate'), '入党日期', reasons);
  const regularisedDate = readDate(value('regularisedDate'), '转正日期', reasons);
  const posts = text('posts')
    .split(/[、,，;；/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    rowNumber: row.number,
    cells,
    name,
    id,
    idText,
    phone,
    ethnicity: text('ethnicity') || null,
    education: text('education') || null,
    orgText: compact(cellText(value('org'))),
    category: category === 'invalid' ? null : (category ?? 'formal'),
    joinDate,
    regularisedDate,
    posts,
    address: text('address') || null,
    reasons,
  };
}

/** Reads a roster: finds the header row under any merged title rows, then every non-empty row below it. */
export async function readRoster(buffer: Buffer): Promise<Sheet> {
  const wb = await loadWorkbook(buffer);
  for (const ws of wb.worksheets) {
    const header = findHeader(ws);
    if (!header) continue;
    const rows: ParsedRow[] = [];
    for (let r = header.rowNumber + 1; r <= ws.rowCount; r++) {
      const parsed = parseRow(ws.getRow(r), header.columns, header.headers.length);
      if (!parsed) continue;
      rows.push(parsed);
      if (rows.length > MAX_ROWS) throw new AppError('VALIDATION', `一次最多导入 ${MAX_ROWS} 行，请分批导入`, [{ path: 'file', message: '行数过多' }]);
    }
    return { name: ws.name, headers: header.headers, rows };
  }
  throw new AppError('VALIDATION', '没有找到表头：表格中应有一行同时包含“姓名”和“身份证号”', [{ path: 'file', message: '没有找到表头' }]);
}

interface Resolved {
  sheet: Sheet;
  plan: ImportPlan;
  /** The rows to insert (fate 'create'), with their unit. */
  creates: Array<{ row: ParsedRow & { id: IdNumberInfo }; orgId: string }>;
}

/**
 * Decides every row's fate against the street as it is now: row errors, unit not found in scope,
 * duplicate ID number in the file (first row wins) or already in the street's registry.
 */
async function resolvePlan(ctx: ActorContext, db: Db, buffer: Buffer, defaultOrgId: string | undefined): Promise<Resolved> {
  const sheet = await readRoster(buffer);
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, status: orgUnits.status })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), like(orgUnits.path, ctx.actor.scopePath + '%')));
  const homes = units.filter((u) => u.status === 'active' && u.kind !== 'group' && u.kind !== 'street_committee');
  const byName = new Map(homes.map((u) => [compact(u.name), u]));
  const defaultOrg = defaultOrgId ? homes.find((u) => u.id === defaultOrgId) : undefined;
  if (defaultOrgId && !defaultOrg) throw new AppError('NOT_FOUND', '默认党组织不存在或不在管理范围内');

  const hashes = sheet.rows.flatMap((r) => (r.id ? [ctx.services.cipher.blindIndex(r.id.normalised)] : []));
  const existing = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const found = await db
      .select({ hash: members.idNumberHash })
      .from(members)
      .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.idNumberHash, hashes.slice(i, i + 1000))));
    for (const f of found) if (f.hash) existing.add(f.hash);
  }

  const firstRowOfId = new Map<string, number>();
  const reports: ImportRowReport[] = [];
  const creates: Resolved['creates'] = [];
  for (const row of sheet.rows) {
    const reasons = [...row.reasons];
    const org = row.orgText ? byName.get(row.orgText) : defaultOrg;
    if (!org) reasons.push(row.orgText ? `找不到党组织“${row.orgText}”（或不在您的管理范围内）` : '未填写所在党支部');
    if (row.id) {
      const first = firstRowOfId.get(row.id.normalised);
      if (first !== undefined) reasons.push(`与第${first}行身份证号重复`);
      else firstRowOfId.set(row.id.normalised, row.rowNumber);
      if (existing.has(ctx.services.cipher.blindIndex(row.id.normalised))) reasons.push('该身份证号已在本街道党员名册中');
    }
    const fate: ImportFate = reasons.length === 0 ? 'create' : 'reject';
    reports.push({
      rowNumber: row.rowNumber,
      name: row.name,
      idNumberMasked: row.id ? maskIdNumber(row.id.normalised) : row.idText ? maskIdNumber(row.idText) : null,
      orgName: org?.name ?? (row.orgText || null),
      category: row.category,
      joinDate: row.joinDate,
      fate,
      reasons,
    });
    if (fate === 'create' && row.id && org) creates.push({ row: { ...row, id: row.id }, orgId: org.id });
  }
  const create = reports.filter((r) => r.fate === 'create').length;
  return {
    sheet,
    creates,
    plan: {
      token: sha256Bytes(buffer),
      planDigest: sha256(JSON.stringify(reports.map((r) => [r.rowNumber, r.fate]))),
      sheetName: sheet.name,
      headers: sheet.headers,
      rows: reports,
      summary: { total: reports.length, create, reject: reports.length - create },
    },
  };
}

function sha256Bytes(buffer: Buffer): string {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

/** Dry run: reports each row's fate and stores nothing. */
export async function dryRunImport(ctx: ActorContext, buffer: Buffer, defaultOrgId?: string): Promise<ImportPlan> {
  return (await resolvePlan(ctx, ctx.db, buffer, defaultOrgId)).plan;
}

export interface ImportCommitInput {
  buffer: Buffer;
  token: string;
  planDigest: string;
  defaultOrgId?: string;
}

/**
 * Commit: the same bytes as the dry run (token), the same fates (planDigest), in one transaction —
 * it writes exactly the rows the dry run said it would, or nothing (CONFLICT).
 */
export async function commitImport(ctx: ActorContext, input: ImportCommitInput): Promise<ImportPlan> {
  if (sha256Bytes(input.buffer) !== input.token) throw new AppError('CONFLICT', '上传的文件与预检时的文件不一致，请重新预检');
  return ctx.db.transaction(async (tx) => {
    const { plan, creates } = await resolvePlan(ctx, tx, input.buffer, input.defaultOrgId);
    if (plan.planDigest !== input.planDigest) {
      throw new AppError('CONFLICT', '名册数据在预检后发生了变化（如有重复人员已登记），本次未导入任何数据，请重新预检', plan.summary);
    }
    const values = creates.map(({ row, orgId }) => {
      const py = namePinyin(row.name);
      return {
        tenantId: ctx.tenantId,
        orgId,
        name: row.name,
        namePinyin: py.full,
        nameInitials: py.initials,
        gender: row.id.gender,
        birthDate: row.id.birthDate,
        ethnicity: row.ethnicity,
        education: row.education,
        ...sealIdNumber(ctx, row.id.normalised),
        ...sealPhone(ctx, row.phone),
        category: row.category ?? 'formal',
        joinDate: row.joinDate,
        regularisedDate: row.category === 'probationary' ? null : row.regularisedDate,
        posts: row.posts,
        address: row.address,
      } satisfies typeof members.$inferInsert;
    });
    const ids: string[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const inserted = await tx.insert(members).values(values.slice(i, i + 500)).returning({ id: members.id });
      ids.push(...inserted.map((r) => r.id));
    }
    await recordAudit(tx, ctx, {
      action: 'member.import',
      entityType: 'member',
      after: { token: plan.token, created: ids.length, rejected: plan.summary.reject, memberIds: ids },
    });
    return plan;
  });
}

/** The rejected rows as a workbook: the original columns plus 原行号 and 未导入原因, ready to fix and re-import. */
export async function buildRejectedWorkbook(ctx: ActorContext, buffer: Buffer, defaultOrgId?: string): Promise<Buffer> {
  const { sheet, plan } = await resolvePlan(ctx, ctx.db, buffer, defaultOrgId);
  const reasonsByRow = new Map(plan.rows.filter((r) => r.fate === 'reject').map((r) => [r.rowNumber, r.reasons.join('；')]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('未导入的行');
  const width = sheet.headers.length + 2;
  ws.addRow(['未导入的党员信息（修改后可重新导入）']);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow([...sheet.headers, '原行号', '未导入原因']).font = { bold: true };
  for (const row of sheet.rows) {
    const reason = reasonsByRow.get(row.rowNumber);
    if (reason === undefined) continue;
    ws.addRow([...sheet.headers.map((_, i) => escapeCell(row.cells[i] ?? '')), row.rowNumber, reason]);
  }
  ws.columns.forEach((c) => {
    c.width = 16;
  });
  ws.getColumn(width).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The downloadable template: a title row, notes, and the header row (ID column formatted as text). */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(['党员信息导入模板']);
  ws.mergeCells(1, 1, 1, templateHeaders.length);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.addRow(['说明：姓名、身份证号、所在党支部必填；党员类别填“正式党员”或“预备党员”；日期可写 2018-06-01、2018.06、2018年6月1日；性别和出生日期由身份证号自动识别。']);
  ws.mergeCells(2, 1, 2, templateHeaders.length);
  ws.addRow(templateHeaders).font = { bold: true };
  templateHeaders.forEach((_, i) => {
    ws.getColumn(i + 1).width = i === 1 ? 22 : 14;
  });
  ws.getColumn(2).numFmt = '@';
  ws.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
