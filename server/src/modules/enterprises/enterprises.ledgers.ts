import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { listAllInspections } from './enterprises.inspections.service.js';
import type { EnterpriseResponse, InspectionResponse } from './enterprises.schema.js';
import { listAllEnterprises } from './enterprises.service.js';
import type { EnterpriseCategory } from './enterprises.table.js';

export const enterpriseCategoryLabels: Record<EnterpriseCategory, string> = {
  production: '生产经营单位',
  key_unit: '重点生产经营单位',
  workshop: '小作坊',
  training_institution: '校外培训机构',
};
const statusLabels = { operating: '在营', banned: '已取缔', closed: '已关闭' } as const;

function periodLine(period: { from?: string; to?: string }): string | undefined {
  if (!period.from && !period.to) return undefined;
  return `期间：${period.from ?? '…'} 至 ${period.to ?? '…'}`;
}

/** 企业台账: every unit in scope, in the columns a street files. */
export async function enterpriseLedgerSheet(ctx: ActorContext): Promise<LedgerSheet<EnterpriseResponse>> {
  const rows = await listAllEnterprises(ctx);
  return {
    sheetName: '企业台账',
    title: `${ctx.actor.tenantName}生产经营单位台账`,
    unitName: ctx.actor.scopeOrgName,
    columns: [
      { header: '单位名称', width: 28, value: (r) => r.name },
      { header: '类别', width: 16, value: (r) => enterpriseCategoryLabels[r.category] },
      { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode ?? '' },
      { header: '所属村（社区）', width: 16, value: (r) => r.orgName },
      { header: '地址', width: 30, value: (r) => r.address },
      { header: '行业', width: 12, value: (r) => r.industry ?? '' },
      { header: '联系人', width: 10, value: (r) => r.contactName ?? '' },
      { header: '联系电话', width: 14, value: (r) => r.contactPhoneMasked ?? '' },
      { header: '状态', width: 8, value: (r) => statusLabels[r.status] },
      { header: '检查次数', width: 10, value: (r) => r.inspectionCount },
      { header: '最近检查日期', width: 14, value: (r) => r.lastInspectedOn ?? '' },
    ],
    rows,
    totals: { 9: rows.reduce((s, r) => s + r.inspectionCount, 0) },
  };
}

/** 检查台账: inspections in scope and period, joint departments and findings. */
export async function inspectionLedgerSheet(ctx: ActorContext, period: { from?: string; to?: string }): Promise<LedgerSheet<InspectionResponse>> {
  const rows = await listAllInspections(ctx, period);
  return {
    sheetName: '检查台账',
    title: `${ctx.actor.tenantName}生产经营单位安全检查台账`,
    unitName: ctx.actor.scopeOrgName,
    period: periodLine(period),
    columns: [
      { header: '检查日期', width: 12, value: (r) => r.inspectedOn },
      { header: '被检查单位', width: 28, value: (r) => r.enterpriseName },
      { header: '类别', width: 16, value: (r) => enterpriseCategoryLabels[r.category] },
      { header: '所属村（社区）', width: 16, value: (r) => r.orgName },
      { header: '检查主题', width: 20, value: (r) => r.topic },
      { header: '检查方式', width: 10, value: (r) => (r.joint ? '联合检查' : '街道检查') },
      { header: '联合部门', width: 20, value: (r) => r.departments.join('、') },
      { header: '检查人', width: 12, value: (r) => r.inspectorName },
      { header: '发现问题数', width: 10, value: (r) => r.findingCount },
      { header: '问题描述', width: 40, value: (r) => r.findings.map((f, i) => `${i + 1}.${f.description}`).join('；') },
    ],
    rows,
    totals: { 8: rows.reduce((s, r) => s + r.findingCount, 0) },
  };
}

export const enterpriseLedgers: LedgerDefinition[] = [
  { id: 'enterprises.register', name: '生产经营单位台账', permission: 'enterprise.read', build: async (ctx) => await enterpriseLedgerSheet(ctx) },
  {
    id: 'enterprises.inspections',
    name: '生产经营单位安全检查台账',
    permission: 'enterprise.read',
    build: async (ctx, period) => await inspectionLedgerSheet(ctx, period),
  },
];
