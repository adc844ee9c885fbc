import type { OrgKind } from './org-units.table.js';

/** Which kinds of unit may sit under which: the shape of a street's party organisation. */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  street_committee: ['village', 'community', 'non_public', 'social_org', 'branch'],
  village: ['branch', 'group'],
  community: ['branch', 'group'],
  non_public: ['branch', 'group'],
  social_org: ['branch', 'group'],
  branch: ['group'],
  group: [],
};

export const orgKindLabels: Record<OrgKind, string> = {
  street_committee: '街道党工委',
  village: '村党组织',
  community: '社区党组织',
  non_public: '非公企业党组织',
  social_org: '社会组织党组织',
  branch: '党支部',
  group: '楼院党小组',
};
