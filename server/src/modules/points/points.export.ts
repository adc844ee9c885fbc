import { readHandle } from '../../platform/db.js';
import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { entryTotals, streamEntries } from './points.ledger.js';
import { getRankings } from './points.rankings.js';
import type { ClaimResponse, EntryResponse, RankingRow } from './points.schema.js';
import { listClaims } from './points.service.js';

const MAX_ROWS = 50000;

function periodOf(p: { from?: string; to?: string }) {
  const to = p.to ?? shanghaiDate();
  const from = p.from ?? `${to.slice(0, 4)}-01-01`;
  return { from, to, text: `${from} 至 ${to}` };
}

/** 党员积分台账: every ledger entry of the period in scope, with the net total. */
export async function buildLedgerSheet(ctx: ActorContext, p: { from?: string; to?: string }) {
  const period = periodOf(p);
  const filter = { from: period.from, to: period.to };
  const totals = await entryTotals(ctx, filter);
  return {
    sheetName: '积分台账',
    title: `${ctx.actor.tenantName}党员“六个一”积分台账`,
    unitName: `填报单位：${ctx.actor.scopeOrgName}`,
    period: period.text,
    columns: [
      { header: '日期', width: 12, value: (r: EntryResponse) => r.occurredOn },
      { header: '党员', width: 10, value: (r: EntryResponse) => r.memberName },
      { header: '所在支部', width: 22, value: (r: EntryResponse) => r.orgName },
      { header: '类别', width: 10, value: (r: EntryResponse) => r.categoryLabel },
      { header: '积分', width: 8, value: (r: EntryResponse) => r.points },
      { header: '摘要', width: 40, value: (r: EntryResponse) => r.note },
    ],
    // Streamed page by page (memory stays flat for a million entries), from the replica when one is set.
    rows: streamEntries(readHandle(ctx), ctx, filter),
    totals: { 0: `共 ${totals.count} 条`, 5: totals.points },
    signOff: true,
  };
}

export async function buildRankingSheet(ctx: ActorContext, p: { from?: string; to?: string }, level: 'member' | 'branch' | 'unit' = 'member') {
  const period = periodOf(p);
  // An export is one large page asked for rarely: computed, not cached.
  const r = await getRankings(ctx, { page: 1, pageSize: MAX_ROWS, from: period.from, to: period.to, level }, { cache: false });
  const levelName = { member: '党员', branch: '支部', unit: '村（社区）及单位' }[level];
  return {
    sheetName: '积分排名',
    title: `${ctx.actor.tenantName}${levelName}积分排名`,
    unitName: `填报单位：${ctx.actor.scopeOrgName}`,
    period: period.text,
    columns: [
      { header: '名次', width: 6, value: (x: RankingRow) => x.rank },
      { header: levelName, width: 22, value: (x: RankingRow) => x.name },
      { header: '上级组织', width: 22, value: (x: RankingRow) => x.orgName ?? '' },
      { header: '总积分', width: 10, value: (x: RankingRow) => x.total },
      { header: '党员数', width: 8, value: (x: RankingRow) => x.members },
      { header: '人均积分', width: 10, value: (x: RankingRow) => x.perMember },
      { header: level === 'member' ? '完成类别数' : '“六个一”全完成人数', width: 14, value: (x: RankingRow) => x.categories },
    ],
    rows: r.items,
    totals: { 4: r.summary.points },
    signOff: true,
  };
}

export async function buildClaimsSheet(ctx: ActorContext, p: { from?: string; to?: string }) {
  const period = periodOf(p);
  const { items } = await listClaims(ctx, { page: 1, pageSize: MAX_ROWS, from: period.from, to: period.to });
  return {
    sheetName: '积分申报',
    title: `${ctx.actor.tenantName}党员“六个一”积分申报登记表`,
    unitName: `填报单位：${ctx.actor.scopeOrgName}`,
    period: period.text,
    columns: [
      { header: '日期', width: 12, value: (c: ClaimResponse) => c.occurredOn },
      { header: '党员', width: 10, value: (c: ClaimResponse) => c.memberName },
      { header: '所在支部', width: 22, value: (c: ClaimResponse) => c.orgName },
      { header: '类别', width: 10, value: (c: ClaimResponse) => c.categoryLabel },
      { header: '住户', width: 24, value: (c: ClaimResponse) => c.householdAddress ?? '' },
      { header: '工作内容', width: 36, value: (c: ClaimResponse) => c.summary },
      { header: '受益人次', width: 8, value: (c: ClaimResponse) => c.beneficiaryCount },
      { header: '积分', width: 8, value: (c: ClaimResponse) => c.points },
      { header: '状态', width: 8, value: (c: ClaimResponse) => c.stateLabel },
      { header: '审核意见', width: 24, value: (c: ClaimResponse) => c.decisionReason ?? '' },
    ],
    rows: items,
    signOff: true,
  };
}

export const pointsLedgers: LedgerDefinition[] = [
  { id: 'points.ledger', name: '党员“六个一”积分台账', permission: 'points.export', build: (ctx, p) => buildLedgerSheet(ctx, p) },
  { id: 'points.rankings', name: '党员积分排名表', permission: 'points.export', build: (ctx, p) => buildRankingSheet(ctx, p) },
  { id: 'points.claims', name: '积分申报登记表', permission: 'points.export', build: (ctx, p) => buildClaimsSheet(ctx, p) },
];
