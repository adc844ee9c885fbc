import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildLedgerWorkbook, sendXlsx, type LedgerSheet } from '../../platform/excel.js';
import { notFound } from '../../platform/errors.js';
import type { LedgerDefinition } from '../../platform/module.js';
import { assertCan, requireActor, type ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { listCampaigns, listQuantities } from './campaigns.service.js';
import { listCobuildProjects, listNeeds, listResources } from './cobuild.service.js';
import { listRequests } from './requests.service.js';
import { getProject, listProjects } from './resettlement.service.js';

const stateText: Record<string, string> = { submitted: '待受理', accepted: '已受理', dispatched: '办理中', answered: '已答复', rated: '已评价', rejected: '不予受理', open: '待认领', matched: '已对接', closed: '已完成', claimed: '已认领', delivered: '已交付' };

/** Lets each sheet's row type be inferred from its first column, then hands it on to the ledger centre. */
function sheetOf<Row>(sheet: LedgerSheet<Row>): LedgerSheet<unknown> {
  return sheet;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const periodText = (p: { from?: string; to?: string }) => (p.from || p.to ? `${p.from ?? ''} 至 ${p.to ?? ''}` : undefined);

/** 安置房项目台账: one row per phase with its counts and the three rates; project and street totals. */
async function projectLedger(ctx: ActorContext): Promise<LedgerSheet<unknown>> {
  const { items, street } = await listProjects(ctx, { kind: 'resettlement' });
  const rows: Array<{ project: string; org: string; phase: string; investment: number; audit: string; r: (typeof street) }> = [];
  for (const p of items) {
    const detail = await getProject(ctx, p.id);
    for (const ph of detail.phases) rows.push({ project: p.name, org: p.orgName, phase: ph.name, investment: p.investmentFen / 1e6, audit: p.auditState === 'audited' ? '已审计' : p.auditState === 'auditing' ? '审计中' : '未审计', r: ph.rates });
  }
  return sheetOf({
    sheetName: '安置房项目台账',
    title: `${ctx.actor.tenantName}安置房建设项目台账`,
    unitName: ctx.actor.scopeOrgName,
    period: `截至 ${shanghaiDate()}`,
    columns: [
      { header: '项目', width: 24, value: (r: (typeof rows)[number]) => r.project },
      { header: '村/社区', width: 14, value: (r) => r.org },
      { header: '分期', width: 10, value: (r) => r.phase },
      { header: '项目投资（万元）', width: 14, value: (r) => Math.round(r.investment * 100) / 100 },
      { header: '审计', width: 8, value: (r) => r.audit },
      { header: '是否开工', width: 8, value: (r) => (r.r.phasesStarted > 0 ? '是' : '否') },
      { header: '应安置户数', width: 10, value: (r) => r.r.householdsToResettle },
      { header: '已回迁户数', width: 10, value: (r) => r.r.householdsMovedBack },
      { header: '回迁率', width: 8, value: (r) => pct(r.r.moveBackRate) },
      { header: '已分配套数', width: 10, value: (r) => r.r.unitsAllocated },
      { header: '已网签套数', width: 10, value: (r) => r.r.unitsSigned },
      { header: '网签率', width: 8, value: (r) => pct(r.r.contractRate) },
    ],
    rows,
    totals: { 5: `开工率 ${pct(street.startRate)}`, 6: street.householdsToResettle, 7: street.householdsMovedBack, 8: pct(street.moveBackRate), 9: street.unitsAllocated, 10: street.unitsSigned, 11: pct(street.contractRate) },
  });
}

async function campaignLedger(ctx: ActorContext, period: { from?: string; to?: string }) {
  const { items: cs } = await listCampaigns(ctx);
  const rows: Array<{ campaign: string; day: string; orgName: string; label: string; quantity: number; unit: string; note: string }> = [];
  for (const c of cs) {
    for (let page = 1; ; page++) {
      const res = await listQuantities(ctx, c.id, { from: period.from, to: period.to, page, pageSize: 200 });
      rows.push(...res.items.map((q) => ({ campaign: c.name, ...q })));
      if (page * 200 >= res.total) break;
    }
  }
  return sheetOf({
    sheetName: '创文创卫工作量台账',
    title: `${ctx.actor.tenantName}创文创卫工作量台账`,
    unitName: ctx.actor.scopeOrgName,
    period: periodText(period),
    columns: [
      { header: '活动', width: 22, value: (r: (typeof rows)[number]) => r.campaign },
      { header: '日期', width: 12, value: (r) => r.day },
      { header: '单位', width: 16, value: (r) => r.orgName },
      { header: '工作内容', width: 18, value: (r) => r.label },
      { header: '数量', width: 10, value: (r) => r.quantity },
      { header: '计量单位', width: 10, value: (r) => r.unit },
      { header: '备注', width: 20, value: (r) => r.note },
    ],
    rows,
    totals: { 0: `共 ${rows.length} 条` },
  });
}

async function needsLedger(ctx: ActorContext) {
  const { items } = await listNeeds(ctx, {});
  return sheetOf({
    sheetName: '需求清单',
    title: `${ctx.actor.tenantName}共驻共建需求清单`,
    unitName: ctx.actor.scopeOrgName,
    columns: [
      { header: '发布社区', width: 16, value: (r: (typeof items)[number]) => r.orgName },
      { header: '需求', width: 30, value: (r) => r.title },
      { header: '类别', width: 10, value: (r) => r.category },
      { header: '说明', width: 30, value: (r) => r.description },
      { header: '发布日期', width: 12, value: (r) => r.postedOn },
      { header: '状态', width: 8, value: (r) => stateText[r.state] ?? r.state },
    ],
    rows: items,
  });
}

async function resourcesLedger(ctx: ActorContext) {
  const { items } = await listResources(ctx);
  return sheetOf({
    sheetName: '资源清单',
    title: `${ctx.actor.tenantName}共驻共建资源清单`,
    unitName: ctx.actor.scopeOrgName,
    columns: [
      { header: '共建单位', width: 18, value: (r: (typeof items)[number]) => r.unitName },
      { header: '资源', width: 30, value: (r) => r.title },
      { header: '类别', width: 10, value: (r) => r.category },
      { header: '说明', width: 30, value: (r) => r.description },
      { header: '提供日期', width: 12, value: (r) => r.offeredOn },
    ],
    rows: items,
  });
}

async function projectsListLedger(ctx: ActorContext) {
  const { items } = await listCobuildProjects(ctx);
  return sheetOf({
    sheetName: '项目清单',
    title: `${ctx.actor.tenantName}共驻共建项目清单`,
    unitName: ctx.actor.scopeOrgName,
    columns: [
      { header: '项目', width: 30, value: (r: (typeof items)[number]) => r.title },
      { header: '需求社区', width: 16, value: (r) => r.orgName },
      { header: '共建单位', width: 18, value: (r) => r.unitName },
      { header: '认领日期', width: 12, value: (r) => r.claimedOn },
      { header: '完成日期', width: 12, value: (r) => r.deliveredOn },
      { header: '服务人数', width: 10, value: (r) => r.beneficiaries },
      { header: '状态', width: 8, value: (r) => stateText[r.state] ?? r.state },
      { header: '社区评分', width: 8, value: (r) => r.rating },
    ],
    rows: items,
    totals: { 5: items.reduce((s, r) => s + r.beneficiaries, 0) },
  });
}

async function requestsLedger(ctx: ActorContext, period: { from?: string; to?: string }) {
  const all: Awaited<ReturnType<typeof listRequests>>['items'] = [];
  for (let page = 1; ; page++) {
    const res = await listRequests(ctx, { page, pageSize: 200 });
    all.push(...res.items);
    if (page * 200 >= res.total) break;
  }
  const rows = all.filter((r) => {
    const day = shanghaiDate(new Date(r.submittedAt));
    return (!period.from || day >= period.from) && (!period.to || day <= period.to);
  });
  return sheetOf({
    sheetName: '诉求办理台账',
    title: `${ctx.actor.tenantName}群众诉求和微心愿办理台账`,
    unitName: ctx.actor.scopeOrgName,
    period: periodText(period),
    columns: [
      { header: '查询码', width: 12, value: (r: (typeof rows)[number]) => r.trackingCode },
      { header: '类型', width: 8, value: (r) => (r.kind === 'wish' ? '微心愿' : '诉求') },
      { header: '村/社区', width: 14, value: (r) => r.orgName },
      { header: '内容', width: 30, value: (r) => r.title },
      { header: '联系人', width: 8, value: (r) => r.contactName },
      { header: '联系电话', width: 14, value: (r) => r.phoneMasked },
      { header: '提交日期', width: 12, value: (r) => shanghaiDate(new Date(r.submittedAt)) },
      { header: '承办', width: 16, value: (r) => r.assigneeName },
      { header: '办理结果', width: 30, value: (r) => r.answer ?? r.rejectReason },
      { header: '状态', width: 8, value: (r) => stateText[r.state] ?? r.state },
      { header: '评分', width: 6, value: (r) => r.rating },
    ],
    rows,
    totals: { 0: `共 ${rows.length} 件，已答复 ${rows.filter((r) => r.answeredAt).length} 件` },
  });
}

export const livelihoodLedgers: LedgerDefinition[] = [
  { id: 'livelihood.projects', name: '安置房建设项目台账', permission: 'resettlement.read', build: (ctx) => projectLedger(ctx) },
  { id: 'livelihood.campaign_quantities', name: '创文创卫工作量台账', permission: 'campaign.read', build: campaignLedger },
  { id: 'livelihood.cobuild_needs', name: '共驻共建需求清单', permission: 'cobuild.read', build: (ctx) => needsLedger(ctx) },
  { id: 'livelihood.cobuild_resources', name: '共驻共建资源清单', permission: 'cobuild.read', build: (ctx) => resourcesLedger(ctx) },
  { id: 'livelihood.cobuild_projects', name: '共驻共建项目清单', permission: 'cobuild.read', build: (ctx) => projectsListLedger(ctx) },
  { id: 'livelihood.requests', name: '群众诉求办理台账', permission: 'request.read', build: requestsLedger },
];

const ledgerParams = z.object({ id: z.enum(livelihoodLedgers.map((l) => l.id) as [string, ...string[]]) });
const ledgerQuery = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

/** GET /ledgers/:id.xlsx — the module's own download buttons; each ledger checks its own permission. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/ledgers/:id', { config: { permission: 'authenticated' }, schema: { tags: ['livelihood'], params: ledgerParams, querystring: ledgerQuery } }, async (req, reply) => {
    const ctx = requireActor(req.ctx);
    const def = livelihoodLedgers.find((l) => l.id === req.params.id);
    if (!def) throw notFound('台账');
    assertCan(ctx, def.permission);
    const sheet = await def.build(ctx, req.query);
    return sendXlsx(reply, await buildLedgerWorkbook(sheet), `${def.name}.xlsx`);
  });
};
