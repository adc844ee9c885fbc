import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { checklistLabels, listAllPollutionEnterprises, pollutionTreatmentLabels } from './environment.pollution.service.js';
import type { PollutionResponse } from './environment.schema.js';
import { shutdownChecklistKeys } from './environment.table.js';
import { pollutionStateLabels } from './environment.workflow.js';

/** 散乱污企业整治台账 in the layout the street files: treatment, 两断三清, sign-off and re-check dates. */
export async function pollutionLedgerSheet(ctx: ActorContext): Promise<LedgerSheet<PollutionResponse>> {
  const rows = await listAllPollutionEnterprises(ctx);
  return {
    sheetName: '散乱污企业',
    title: `${ctx.actor.tenantName}"散乱污"企业整治台账`,
    unitName: ctx.actor.scopeOrgName,
    columns: [
      { header: '企业名称', width: 26, value: (r) => r.name },
      { header: '所属村（社区）', width: 16, value: (r) => r.orgName },
      { header: '地址', width: 28, value: (r) => r.address },
      { header: '负责人', width: 10, value: (r) => r.operatorName ?? '' },
      { header: '存在问题', width: 30, value: (r) => r.problem },
      { header: '整治类型', width: 10, value: (r) => pollutionTreatmentLabels[r.treatment] },
      {
        header: '两断三清',
        width: 28,
        value: (r) => (r.treatment === 'shutdown' ? shutdownChecklistKeys.map((k) => `${checklistLabels[k]}${r.checklist[k] ? '✓' : '✗'}`).join(' ') : '不适用'),
      },
      { header: '建档日期', width: 12, value: (r) => r.listedOn },
      { header: '销号日期', width: 12, value: (r) => r.signedOffOn ?? '' },
      { header: '整治状态', width: 10, value: (r) => pollutionStateLabels[r.state] },
      { header: '下次复查日期', width: 12, value: (r) => r.nextRecheckOn ?? '' },
    ],
    rows,
    totals: { 0: `共${rows.length}家，已销号${rows.filter((r) => r.state === 'signed_off').length}家` },
  };
}

export const environmentLedgers: LedgerDefinition[] = [
  { id: 'environment.pollution', name: '"散乱污"企业整治台账', permission: 'environment.read', build: async (ctx) => await pollutionLedgerSheet(ctx) },
];
