import { AppError } from '../../platform/errors.js';
import type { LedgerColumn, LedgerSheet } from '../../platform/excel.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope } from '../org-units/index.js';
import type { ExportQuery, MemberFilters } from './members.schema.js';
import { countMembersForExport, streamMembersForExport } from './members.service.js';
import type { MemberCategory } from './members.table.js';
import { memberStateLabels } from './members.workflow.js';

export const categoryLabels: Record<MemberCategory, string> = { formal: '正式党员', probationary: '预备党员' };
const genderLabels = { male: '男', female: '女' } as const;

type StoredRow = ReturnType<typeof streamMembersForExport> extends AsyncGenerator<infer R> ? R : never;
type ExportRow = StoredRow & { idNumber: string | null; phone: string | null };

const columns: LedgerColumn<ExportRow>[] = [
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => (r.gender ? genderLabels[r.gender] : '') },
  { header: '出生日期', width: 12, value: (r) => r.birthDate },
  { header: '身份证号', width: 22, value: (r) => r.idNumber },
  { header: '手机号', width: 14, value: (r) => r.phone },
  { header: '民族', width: 8, value: (r) => r.ethnicity },
  { header: '学历', width: 8, value: (r) => r.education },
  { header: '所在党组织', width: 24, value: (r) => r.orgName },
  { header: '党员类别', width: 10, value: (r) => categoryLabels[r.category] },
  { header: '入党日期', width: 12, value: (r) => r.joinDate },
  { header: '转正日期', width: 12, value: (r) => r.regularisedDate },
  { header: '党内职务', width: 14, value: (r) => r.posts.join('、') },
  { header: '状态', width: 8, value: (r) => memberStateLabels[r.state] },
  { header: '家庭住址', width: 24, value: (r) => r.address },
];

/**
 * The roster as the street files it (党员名册), for the actor's scope and filters; masked unless revealed. Rows are
 * read page by page as the sheet is written, so memory stays flat whatever the roster's size.
 */
export async function buildMemberSheet(ctx: ActorContext, filters: MemberFilters, reveal: boolean): Promise<LedgerSheet<ExportRow>> {
  const unit = filters.orgId ? (await getOrgInScope(ctx, filters.orgId)).name : ctx.actor.scopeOrgName;
  const total = await countMembersForExport(ctx, filters);
  const decrypt = (v: string | null) => (v ? ctx.services.cipher.decrypt(v) : null);
  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const r of streamMembersForExport(ctx, filters)) {
      yield { ...r, idNumber: reveal ? decrypt(r.idNumberEnc) : r.idNumberMasked, phone: reveal ? decrypt(r.phoneEnc) : r.phoneMasked };
    }
  }
  return {
    sheetName: '党员名册',
    title: `${unit}党员名册`,
    unitName: unit,
    period: `导出日期：${shanghaiDate()}`,
    columns,
    rows: rows(),
    totals: { 0: `${total}人` },
  };
}

/**
 * The filtered list as a streamed .xlsx (see sendStreamedLedger); plaintext personal data needs member.reveal. Every
 * export is audited, with the filters and the row count.
 */
export async function memberExport(ctx: ActorContext, q: ExportQuery): Promise<{ sheet: LedgerSheet<ExportRow>; filename: string }> {
  const reveal = q.reveal === 'true';
  if (reveal && !can(ctx, 'member.reveal')) throw new AppError('FORBIDDEN', '没有查看完整个人信息的权限');
  const sheet = await buildMemberSheet(ctx, q, reveal);
  const { reveal: _r, ...filters } = q;
  await recordAudit(ctx.db, ctx, { action: 'member.export', entityType: 'member', after: { filters, revealed: reveal, rows: sheet.totals?.[0] ?? null } });
  return { sheet, filename: `${sheet.title}_${shanghaiDate()}.xlsx` };
}
