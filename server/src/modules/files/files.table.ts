import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Photos and evidence, stored by content hash through the storage interface. */
export const files = pgTable(
  'files',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    hash: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    originalName: text().notNull().default(''),
    uploadedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('files_hash_idx').on(t.tenantId, t.hash)],
);
