import type { ModuleManifest } from '../../platform/module.js';
import { seedMembers } from './members.seed.js';

export { members, memberTransfers, memberCategories, memberStates, type MemberCategory, type MemberState } from './members.table.js';
export { DEMO_MEMBER_COUNT } from './members.seed.js';

export const membersModule: ModuleManifest = {
  name: 'members',
  prefix: '/api/members',
  permissions: {},
  seedDemo: seedMembers,
  seedOrder: 10,
};
