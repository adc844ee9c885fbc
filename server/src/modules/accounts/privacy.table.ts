import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.table.js';

/** PIPL data-subject requests (个人信息查阅、更正、删除申请), tracked from filing to answer. */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    kind: text().$type<'access' | 'correct' | 'delete'>().notNull(),
    details: text().notNull().default(''),
    status: text().$type<'open' | 'done' | 'rejected'>().notNull().default('open'),
    answer: text(),
    handledBy: uuid(),
    handledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('privacy_requests_user_idx').on(t.tenantId, t.userId),
    index('privacy_requests_status_idx').on(t.tenantId, t.status),
  ],
);
