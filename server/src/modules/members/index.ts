import type { ModuleManifest } from '../../platform/module.js';
import { buildMemberSheet } from './members.export.js';
import { memberInbox, memberMetrics } from './members.metrics.js';
import { memberPermissions } from './members.policy.js';
import { memberRoutes } from './members.routes.js';
import { seedMembers } from './members.seed.js';

export { members, memberTransfers, memberCategories, memberStates, type MemberCategory, type MemberState } from './members.table.js';
export { DEMO_MEMBER_COUNT } from './members.seed.js';
export { getMemberInScope, memberConditions, type Member } from './members.service.js';
export { memberStateLabels } from './members.workflow.js';
export { categoryLabels as memberCategoryLabels } from './members.export.js';

export const membersModule: ModuleManifest = {
  name: 'members',
  prefix: '/api/members',
  routes: memberRoutes,
  permissions: memberPermissions,
  seedDemo: seedMembers,
  seedOrder: 10,
  metrics: memberMetrics,
  inbox: memberInbox,
  ledgers: [
    {
      id: 'members.roster',
      name: '党员名册',
      permission: 'member.export',
      // The ledger centre treats rows as opaque records; our columns read them as export rows.
      build: (ctx) => buildMemberSheet(ctx, { state: 'active' }, false),
    },
  ],
};
