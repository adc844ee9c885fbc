import { and, eq, inArray } from 'drizzle-orm';
import { cellText, loadWorkbook } from '../../platform/excel.js';
import { AppError } from '../../platform/errors.js';
import { maskPhone } from '../../platform/masking.js';
import type { ActorContext } from '../../platform/request-context.js';
import { normaliseText } from '../../platform/text-normalise.js';
import { recordAudit } from '../audit/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { grids } from '../places/places.table.js';
import type { ImportResponse } from './households.schema.js';
import { households, householdTags } from './households.table.js';

const headers = { org: ['村社区', '村（社区）', '村/社区', '所属村社区', '社区', '村'], grid: ['网格'], address: ['地址', '住址'], head: ['户主', '户主姓名'], phone: ['电话', '联系电话', '手机'], size: ['人口', '人口数', '家庭人口'], tags: ['标签', '特殊群体', '类别'] } as const;
type HeaderKey = keyof typeof headers;

/** Header aliases normalised like the cells (full-width brackets become half-width), so 村（社区） matches. */
const normalisedHeaders = Object.fromEntries(
  (Object.keys(headers) as HeaderKey[]).map((k) => [k, headers[k].map((h) => normaliseText(h).replace(/\s/g, ''))]),
) as Record<HeaderKey, string[]>;

function findColumns(values: string[]): Partial<Record<HeaderKey, number>> {
  const found: Partial<Record<HeaderKey, number>> = {};
  values.forEach((v, i) => {
    const text = normaliseText(v).replace(/\s/g, '');
    for (const key of Object.keys(headers) as HeaderKey[]) {
      if (found[key] === undefined && normalisedHeaders[key].includes(text)) found[key] = i;
    }
  });
  return found;
}

/**
 * Imports households from the street's spreadsheet (村/社区, 网格, 地址, 户主, 电话, 人口, 标签).
 * All or nothing: a file with any bad row imports nothing and lists every problem by row.
 */
export async function importHouseholds(ctx: ActorContext, content: Buffer): Promise<ImportResponse> {
  const wb = await loadWorkbook(content);
  const sheet = wb.worksheets[0];
  let headerRow = 0;
  let cols: Partial<Record<HeaderKey, number>> = {};
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col] = cellText(cell.value);
    });
    const c = findColumns(values);
    if (c.address !== undefined && c.head !== undefined) {
      headerRow = r;
      cols = c;
      break;
    }
  }
  if (!headerRow || cols.org === undefined) {
    throw new AppError('VALIDATION', '表格缺少表头：需要「村（社区）」「地址」「户主」列', [{ path: 'file', message: '缺少表头' }]);
  }
  const units = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), inArray(orgUnits.kind, ['village', 'community'])));
  const inScopeUnits = (
    await ctx.db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId))
  ).filter((u) => u.path.startsWith(ctx.actor.scopePath));
  const scopeIds = new Set(inScopeUnits.map((u) => u.id));
  const unitByName = new Map<string, string>();
  for (const u of units) {
    if (!scopeIds.has(u.id)) continue;
    unitByName.set(u.name, u.id);
    unitByName.set(u.name.replace(/党总支$|党委$/, ''), u.id);
  }
  const gridRows = await ctx.db.select({ id: grids.id, orgId: grids.orgId, name: grids.name }).from(grids).where(eq(grids.tenantId, ctx.tenantId));
  const gridByKey = new Map(gridRows.map((g) => [`${g.orgId}|${g.name}`, g.id]));

  const errors: ImportResponse['errors'] = [];
  const rows: (typeof households.$inferInsert)[] = [];
  const cell = (r: number, key: HeaderKey) => {
    const c = cols[key];
    return c === undefined ? '' : normaliseText(cellText(sheet.getRow(r).getCell(c).value)).trim();
  };
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const address = cell(r, 'address');
    const head = cell(r, 'head');
    const orgName = cell(r, 'org');
    if (!address && !head && !orgName) continue;
    const problems: string[] = [];
    const orgId = unitByName.get(orgName) ?? unitByName.get(orgName.replace(/村委会$|居委会$/, ''));
    if (!orgId) problems.push(`村（社区）「${orgName}」不存在或不在管理范围内`);
    if (!address) problems.push('地址为空');
    if (!head) problems.push('户主为空');
    const gridName = cell(r, 'grid');
    const gridId = gridName && orgId ? gridByKey.get(`${orgId}|${gridName}`) : undefined;
    if (gridName && orgId && !gridId) problems.push(`网格「${gridName}」不存在`);
    const phone = cell(r, 'phone').replace(/\D/g, '');
    if (phone && !/^1\d{10}$/.test(phone)) problems.push('电话应为11位手机号');
    const sizeText = cell(r, 'size');
    const size = sizeText ? Number(sizeText) : 1;
    if (!Number.isInteger(size) || size < 1 || size > 50) problems.push('人口数应为1–50的整数');
    const tags = cell(r, 'tags')
      .split(/[,，、;；\s]+/)
      .filter(Boolean);
    const badTag = tags.find((t) => !(householdTags as readonly string[]).includes(t));
    if (badTag) problems.push(`标签「${badTag}」无效，可用：${householdTags.join('、')}`);
    if (problems.length || !orgId) {
      errors.push({ row: r, message: problems.join('；') });
      continue;
    }
    rows.push({
      tenantId: ctx.tenantId,
      orgId,
      gridId: gridId ?? null,
      address,
      headName: head,
      headPhoneEnc: phone ? ctx.services.cipher.encrypt(phone) : null,
      headPhoneMasked: phone ? maskPhone(phone) : null,
      size,
      tags,
    });
  }
  if (errors.length) return { created: 0, errors };
  if (rows.length === 0) throw new AppError('VALIDATION', '表格中没有住户数据', [{ path: 'file', message: '没有数据行' }]);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(households).values(rows.slice(i, i + 500));
    await recordAudit(tx, ctx, { action: 'household.import', entityType: 'household', after: { created: rows.length } });
  });
  return { created: rows.length, errors: [] };
}
