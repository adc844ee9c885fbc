import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only, hash-chained per tenant: each row carries the previous row's hash. */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: integer().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid(),
    actorName: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text().notNull().default(''),
    reason: text(),
    requestId: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_events_at_idx').on(t.tenantId, t.at),
    index('audit_events_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);

/** The head of each tenant's chain; locked FOR UPDATE so concurrent writers chain in order. */
export const auditHeads = pgTable('audit_heads', {
  tenantId: integer().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
  /**
   * Events that record a change to the street's data (not logins, reveals or exports): the change stamp derived
   * figures (the dashboard's overview, the points rankings) are cached against, so a login does not throw them away.
   */
  dataSeq: bigint({ mode: 'number' }).notNull().default(0),
});

/**
 * Retention checkpoints: when events older than the retention period are purged, the hash of the last purged
 * event is kept here so the chain stays verifiable from the first retained event. Append-only (trigger).
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    tenantId: integer().notNull(),
    /** Last purged sequence number; the first retained event is seq + 1. */
    seq: bigint({ mode: 'number' }).notNull(),
    /** Hash of event `seq`: the prevHash the first retained event must carry. */
    hash: text().notNull(),
    purgedCount: integer().notNull(),
    purgedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);
