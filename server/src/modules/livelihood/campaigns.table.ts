import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export const campaignTargetKinds = ['城中村', '城乡接合部', '老旧小区', '破产企业', '背街小巷', '施工工地', '农贸市场', '其他'] as const;
export type CampaignTargetKind = (typeof campaignTargetKinds)[number];

/** 创文创卫 campaign run by the street (or a village/community). */
export const campaigns = pgTable(
  'campaigns',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    orgId: uuid().notNull(),
    name: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    goal: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('campaigns_org_idx').on(t.tenantId, t.orgId),
  ],
);

/** A task of a campaign aimed at a target place (城中村, 背街小巷 …), assigned to an org. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    targetKind: text().$type<CampaignTargetKind>().notNull(),
    targetName: text().notNull(),
    dueOn: date({ mode: 'string' }),
    doneOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
    index('campaign_tasks_campaign_idx').on(t.tenantId, t.campaignId),
    index('campaign_tasks_org_idx').on(t.tenantId, t.orgId),
  ],
);

/** Quantity ledger: one line per org, day and item (m³ cleared, ads removed …), with its unit kept. */
export const campaignQuantities = pgTable(
  'campaign_quantities',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    orgId: uuid().notNull(),
    day: date({ mode: 'string' }).notNull(),
    item: text().notNull(),
    unit: text().notNull(),
    quantity: integer().notNull(),
    note: text().notNull().default(''),
    recordedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('campaign_quantities_campaign_day_idx').on(t.tenantId, t.campaignId, t.day),
    index('campaign_quantities_org_idx').on(t.tenantId, t.orgId),
  ],
);

/** Findings of campaign checks; each may open a rectification item. */
export const campaignFindings = pgTable(
  'campaign_findings',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    orgId: uuid().notNull(),
    title: text().notNull(),
    responsibleName: text().notNull(),
    checkedOn: date({ mode: 'string' }).notNull(),
    rectificationItemId: uuid(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
    index('campaign_findings_campaign_idx').on(t.tenantId, t.campaignId),
  ],
);
