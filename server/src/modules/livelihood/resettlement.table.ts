import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households } from '../households/households.table.js';
import { orgUnits } from '../org-units/org-units.table.js';

export const projectKinds = ['resettlement', 'upgrade'] as const;
export type ProjectKind = (typeof projectKinds)[number];
export const auditStates = ['not_audited', 'auditing', 'audited'] as const;
export type AuditState = (typeof auditStates)[number];

/** Phase milestones in construction order (安置房建设节点). */
export const milestoneKinds = ['piling', 'raft', 'topping_out', 'insulation', 'acceptance', 'certificates', 'online_contract', 'move_back'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

/** 安置房 or 老旧片区提质 project, owned by a village/community (or the street committee). */
export const housingProjects = pgTable(
  'housing_projects',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    kind: text().$type<ProjectKind>().notNull(),
    name: text().notNull(),
    /** Planned or actual investment in fen. */
    investmentFen: bigint({ mode: 'number' }).notNull().default(0),
    auditState: text().$type<AuditState>().notNull().default('not_audited'),
    auditedFen: bigint({ mode: 'number' }),
    landAreaM2: integer(),
    floorAreaM2: integer(),
    /** Upgrade projects: sites and m² completed. */
    sites: text().array().notNull().default(sql`'{}'::text[]`),
    completedAreaM2: integer().notNull().default(0),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('housing_projects_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const housingPhases = pgTable(
  'housing_phases',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    projectId: uuid().notNull(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [housingProjects.tenantId, housingProjects.id] }),
    index('housing_phases_project_idx').on(t.tenantId, t.projectId),
    index('housing_phases_org_idx').on(t.tenantId, t.orgId),
  ],
);

export const housingBuildings = pgTable(
  'housing_buildings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    phaseId: uuid().notNull(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    floors: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.phaseId], foreignColumns: [housingPhases.tenantId, housingPhases.id] }),
    index('housing_buildings_phase_idx').on(t.tenantId, t.phaseId),
  ],
);

/** 被安置户: a household to resettle in a phase, linked to the village's household record where one exists. */
export const resettlementHouseholds = pgTable(
  'resettlement_households',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    phaseId: uuid().notNull(),
    orgId: uuid().notNull(),
    householdId: uuid(),
    headName: text().notNull(),
    size: integer().notNull().default(1),
    /** How many units the household is entitled to (by its demolished area). */
    entitledUnits: integer().notNull().default(1),
    movedBackOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.phaseId], foreignColumns: [housingPhases.tenantId, housingPhases.id] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }),
    index('resettlement_households_phase_idx').on(t.tenantId, t.phaseId),
    uniqueIndex('resettlement_households_household_uq').on(t.tenantId, t.phaseId, t.householdId),
  ],
);

/** 安置房 unit; allocated to at most one household; 网签 date once the online contract is signed. */
export const housingUnits = pgTable(
  'housing_units',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    buildingId: uuid().notNull(),
    phaseId: uuid().notNull(),
    orgId: uuid().notNull(),
    label: text().notNull(),
    areaM2: integer().notNull().default(0),
    allocatedTo: uuid(),
    allocatedOn: date({ mode: 'string' }),
    contractSignedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.buildingId], foreignColumns: [housingBuildings.tenantId, housingBuildings.id] }),
    foreignKey({ columns: [t.tenantId, t.allocatedTo], foreignColumns: [resettlementHouseholds.tenantId, resettlementHouseholds.id] }),
    index('housing_units_phase_idx').on(t.tenantId, t.phaseId),
    index('housing_units_allocated_idx').on(t.tenantId, t.allocatedTo),
    uniqueIndex('housing_units_label_uq').on(t.tenantId, t.buildingId, t.label),
  ],
);

/** Planned and actual dates of one milestone of one phase; started when work began, completed when done. */
export const housingMilestones = pgTable(
  'housing_milestones',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    phaseId: uuid().notNull(),
    orgId: uuid().notNull(),
    kind: text().$type<MilestoneKind>().notNull(),
    plannedOn: date({ mode: 'string' }),
    startedOn: date({ mode: 'string' }),
    completedOn: date({ mode: 'string' }),
    note: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.phaseId], foreignColumns: [housingPhases.tenantId, housingPhases.id] }),
    uniqueIndex('housing_milestones_phase_kind_uq').on(t.tenantId, t.phaseId, t.kind),
  ],
);

export const startedWhenOptions = ['started', 'completed'] as const;
export type StartedWhen = (typeof startedWhenOptions)[number];
export const contractBases = ['allocated', 'built'] as const;
export type ContractBasis = (typeof contractBases)[number];
export const moveBackBases = ['listed', 'allocated'] as const;
export type MoveBackBasis = (typeof moveBackBases)[number];

/**
 * Per-street rate settings (DESIGN.md module 10): which milestone, begun or finished, counts as 开工;
 * whether 网签率 divides by allocated or by all built units; whether 回迁率 divides by every listed household
 * or only those given a unit; the lowest 满意 rating. `version` goes up by one on every change (each change audited).
 */
export const livelihoodSettings = pgTable(
  'livelihood_settings',
  {
    tenantId: integer().notNull(),
    startedMilestone: text().$type<MilestoneKind>().notNull().default('piling'),
    startedWhen: text().$type<StartedWhen>().notNull().default('started'),
    contractBasis: text().$type<ContractBasis>().notNull().default('allocated'),
    moveBackBasis: text().$type<MoveBackBasis>().notNull().default('listed'),
    satisfiedMinRating: integer().notNull().default(4),
    version: integer().notNull().default(1),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);
