import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { LedgerSheet } from '../../platform/excel.js';
import type { InboxItem, LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { members } from '../members/members.table.js';
import { inScope, orgUnits } from '../org-units/index.js';
import { spotCheckDraws, spotCheckPicks } from './study.table.js';

type Row = { orgName: string; quarter: string; memberName: string; result: string; hadNotes: string; comment: string; checkedAt: string };

const resultLabel = { pass: '合格', fail: '不合格', pending: '待审阅' } as const;

export const studyLedgers: LedgerDefinition[] = [
  {
    id: 'study.spot_checks',
    name: '党员学习笔记季度抽查结果台账',
    permission: 'spotcheck.export',
    async build(ctx, period) {
      const rows = await ctx.db
        .select({ orgName: orgUnits.name, year: spotCheckDraws.year, quarter: spotCheckDraws.quarter, memberName: members.name, result: spotCheckPicks.result, hadNotes: spotCheckPicks.hadNotes, comment: spotCheckPicks.comment, checkedAt: spotCheckPicks.checkedAt })
        .from(spotCheckPicks)
        .innerJoin(spotCheckDraws, and(eq(spotCheckDraws.tenantId, spotCheckPicks.tenantId), eq(spotCheckDraws.id, spotCheckPicks.drawId)))
        .innerJoin(members, and(eq(members.tenantId, spotCheckPicks.tenantId), eq(members.id, spotCheckPicks.memberId)))
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, spotCheckDraws.tenantId), eq(orgUnits.id, spotCheckDraws.orgId)))
        .where(
          and(
            eq(spotCheckPicks.tenantId, ctx.tenantId),
            inScope(ctx, spotCheckDraws.orgId),
            period.from ? gte(spotCheckDraws.drawnAt, new Date(`${period.from}T00:00:00+08:00`)) : undefined,
            period.to ? lte(spotCheckDraws.drawnAt, new Date(`${period.to}T23:59:59+08:00`)) : undefined,
          ),
        )
        .orderBy(asc(spotCheckDraws.year), asc(spotCheckDraws.quarter), asc(orgUnits.path), asc(spotCheckPicks.seq));
      const out: Row[] = rows.map((r) => ({
        orgName: r.orgName,
        quarter: `${r.year}年第${r.quarter}季度`,
        memberName: r.memberName,
        result: resultLabel[r.result],
        hadNotes: r.hadNotes === null ? '' : r.hadNotes ? '有' : '无',
        comment: r.comment ?? '',
        checkedAt: r.checkedAt ? shanghaiDate(r.checkedAt) : '',
      }));
      const sheet: LedgerSheet<Row> = {
        sheetName: '笔记抽查',
        title: '党员学习笔记季度抽查结果台账',
        unitName: ctx.actor.scopeOrgName,
        period: period.from || period.to ? `${period.from ?? ''} 至 ${period.to ?? ''}` : undefined,
        columns: [
          { header: '支部', width: 24, value: (r) => r.orgName },
          { header: '季度', width: 16, value: (r) => r.quarter },
          { header: '党员', width: 12, value: (r) => r.memberName },
          { header: '有无笔记', width: 10, value: (r) => r.hadNotes },
          { header: '审阅结果', width: 10, value: (r) => r.result },
          { header: '审阅意见', width: 30, value: (r) => r.comment },
          { header: '审阅日期', width: 12, value: (r) => r.checkedAt },
        ],
        rows: out,
      };
      return sheet;
    },
  },
];

/** Drawn members whose notes still wait for review, for those who review them. */
export async function studyInbox(ctx: ActorContext): Promise<InboxItem[]> {
  if (!ctx.actor.permissions.has('spotcheck.review')) return [];
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(spotCheckPicks)
    .innerJoin(spotCheckDraws, and(eq(spotCheckDraws.tenantId, spotCheckPicks.tenantId), eq(spotCheckDraws.id, spotCheckPicks.drawId)))
    .where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), eq(spotCheckPicks.result, 'pending'), inScope(ctx, spotCheckDraws.orgId)));
  if (!row || row.n === 0) return [];
  return [{ kind: 'study.notes.to_check', title: `待审阅的抽查学习笔记：${row.n} 人`, link: '/study?tab=spot-checks', severity: 'warning', count: row.n }];
}
