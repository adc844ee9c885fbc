import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org-units/org-units.table.js';

export const memberCategories = ['formal', 'probationary'] as const;
export type MemberCategory = (typeof memberCategories)[number];
export const memberStates = ['active', 'left', 'deceased', 'transferred_out'] as const;
export type MemberState = (typeof memberStates)[number];

/**
 * 党员 registry. ID numbers and phones are encrypted (AES-256-GCM) with a keyed-hash column for lookup
 * and a masked copy for display; plaintext never reaches the database.
 */
export const members = pgTable(
  'members',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** The branch (党支部) or other unit the member belongs to. */
    orgId: uuid().notNull(),
    name: text().notNull(),
    namePinyin: text().notNull(),
    nameInitials: text().notNull(),
    gender: text().$type<'male' | 'female'>(),
    birthDate: date({ mode: 'string' }),
    ethnicity: text(),
    education: text(),
    idNumberEnc: text(),
    idNumberHash: text(),
    idNumberMasked: text(),
    phoneEnc: text(),
    phoneHash: text(),
    phoneMasked: text(),
    phoneLast4: text(),
    category: text().$type<MemberCategory>().notNull(),
    joinDate: date({ mode: 'string' }),
    regularisedDate: date({ mode: 'string' }),
    posts: text().array().notNull().default(sql`'{}'::text[]`),
    state: text().$type<MemberState>().notNull().default('active'),
    stateDate: date({ mode: 'string' }),
    stateReason: text(),
    address: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('members_org_idx').on(t.tenantId, t.orgId),
    index('members_pinyin_idx').on(t.tenantId, sql`${t.namePinyin} text_pattern_ops`),
    index('members_initials_idx').on(t.tenantId, sql`${t.nameInitials} text_pattern_ops`),
    index('members_name_idx').on(t.tenantId, t.name),
    // Serves the registry's default order (pinyin, id): the first page reads 20 index entries, not the whole street.
    index('members_order_idx').on(t.tenantId, t.namePinyin, t.id),
    index('members_phone_last4_idx').on(t.tenantId, t.phoneLast4),
    uniqueIndex('members_id_number_uq').on(t.tenantId, t.idNumberHash),
  ],
);

/** Transfers between branches, kept as history (转接组织关系). */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    memberId: uuid().notNull(),
    fromOrgId: uuid().notNull(),
    toOrgId: uuid().notNull(),
    transferDate: date({ mode: 'string' }).notNull(),
    reason: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    index('member_transfers_member_idx').on(t.tenantId, t.memberId),
  ],
);
