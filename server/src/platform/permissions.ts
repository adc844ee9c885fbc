import type { Role } from './roles.js';

/** permission key → the roles that hold it. Each module declares its own slice in its policy file. */
export type PermissionSlice = Record<string, readonly Role[]>;

export interface PermissionTable {
  /** The one merged table: every permission and who holds it. */
  table: Readonly<Record<string, readonly Role[]>>;
  forRoles(roles: readonly Role[]): Set<string>;
}

export function createPermissionTable(slices: PermissionSlice[]): PermissionTable {
  const table: Record<string, readonly Role[]> = {};
  for (const slice of slices) {
    for (const [key, holders] of Object.entries(slice)) {
      if (table[key]) throw new Error(`permission ${key} declared twice`);
      table[key] = holders;
    }
  }
  return {
    table,
    forRoles(roles) {
      const set = new Set<string>();
      for (const [key, holders] of Object.entries(table)) {
        if (holders.some((r) => roles.includes(r))) set.add(key);
      }
      return set;
    },
  };
}
