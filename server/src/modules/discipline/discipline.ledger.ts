import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import { rectificationStateLabels } from '../rectification/index.js';
import { listFeedback } from './discipline.service.js';

type Row = Awaited<ReturnType<typeof listFeedback>>['items'][number];

export const disciplineLedgers: LedgerDefinition[] = [
  {
    id: 'discipline.feedback',
    name: '巡视反馈问题整改台账',
    permission: 'feedback.export',
    async build(ctx, period) {
      const { items } = await listFeedback(ctx);
      const rows = items.filter((i) => (!period.from || i.deadline >= period.from) && (!period.to || i.deadline <= period.to));
      const sheet: LedgerSheet<Row> = {
        sheetName: '巡视反馈整改',
        title: '巡视反馈问题整改台账',
        unitName: ctx.actor.scopeOrgName,
        period: period.from || period.to ? `${period.from ?? ''} 至 ${period.to ?? ''}` : undefined,
        columns: [
          { header: '巡视（巡察）', width: 24, value: (r) => r.inspection },
          { header: '反馈问题', width: 36, value: (r) => r.problem },
          { header: '整改措施', width: 36, value: (r) => r.measures },
          { header: '责任单位', width: 18, value: (r) => r.orgName },
          { header: '责任人', width: 12, value: (r) => r.responsibleName },
          { header: '整改期限', width: 12, value: (r) => r.deadline },
          { header: '整改状态', width: 12, value: (r) => (r.state ? rectificationStateLabels[r.state as keyof typeof rectificationStateLabels] : '') },
          { header: '是否逾期', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
        ],
        rows,
        totals: { 1: `共 ${rows.length} 项，已销号 ${rows.filter((r) => r.state === 'closed').length} 项` },
      };
      return sheet;
    },
  },
];
