/** The org tree as the API returns it, and the pure functions the page needs over it. */

export const orgKinds = ['street_committee', 'village', 'community', 'non_public', 'social_org', 'branch', 'group'] as const;
export type OrgKind = (typeof orgKinds)[number];
export type OrgStatus = 'active' | 'closed';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  divisionCode: string | null;
  status: OrgStatus;
  validFrom: string;
  validTo: string | null;
  depth: number;
}

export interface OrgTreeNode {
  key: string;
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/**
 * Which kinds the form offers under a parent. A convenience only: the server enforces the tree
 * rules and answers VALIDATION/INVALID_STATE otherwise.
 */
export const childKinds: Record<OrgKind, OrgKind[]> = {
  street_committee: ['village', 'community', 'non_public', 'social_org', 'branch'],
  village: ['branch'],
  community: ['branch'],
  non_public: ['branch'],
  social_org: ['branch'],
  branch: ['group'],
  group: [],
};

export const kindColors: Record<OrgKind, string> = {
  street_committee: 'red',
  village: 'green',
  community: 'blue',
  non_public: 'purple',
  social_org: 'cyan',
  branch: 'orange',
  group: 'gold',
};

const key = (id: string | number) => String(id);

/** Nests the flat, depth-ordered list; units whose parent is outside the list become roots. */
export function buildTree(units: OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>();
  for (const unit of units) nodes.set(key(unit.id), { key: key(unit.id), unit, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(key(unit.id));
    if (!node) continue;
    const parent = unit.parentId === null ? undefined : nodes.get(key(unit.parentId));
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keeps the nodes whose name or division code contains the query, with their ancestors. */
export function filterTree(nodes: OrgTreeNode[], query: string): OrgTreeNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return nodes;
  const result: OrgTreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, query);
    const matches =
      node.unit.name.toLowerCase().includes(needle) || (node.unit.divisionCode ?? '').includes(needle);
    if (matches || children.length > 0) result.push({ ...node, children });
  }
  return result;
}

export function allKeys(nodes: OrgTreeNode[]): string[] {
  return nodes.flatMap((node) => [node.key, ...allKeys(node.children)]);
}

/** The ids of a unit and everything under it (a unit cannot move below itself). */
export function subtreeIds(units: OrgUnit[], rootId: string): Set<string> {
  const ids = new Set<string>([key(rootId)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(key(unit.parentId)) && !ids.has(key(unit.id))) {
        ids.add(key(unit.id));
        grew = true;
      }
    }
  }
  return ids;
}

export function findUnit(units: OrgUnit[] | undefined, id: string | null): OrgUnit | undefined {
  if (!units || id === null) return undefined;
  return units.find((unit) => key(unit.id) === key(id));
}

/** Ancestors' keys of a unit, for expanding the tree down to it. */
export function ancestorKeys(units: OrgUnit[], id: string): string[] {
  const result: string[] = [];
  let current = findUnit(units, id);
  while (current && current.parentId !== null) {
    result.push(key(current.parentId));
    current = findUnit(units, current.parentId);
  }
  return result;
}
