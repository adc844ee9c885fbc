import { pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** One row per street (街道). Tenant 0 is the platform itself (platform administrators live there). */
export const tenants = pgTable('tenants', {
  id: serial().primaryKey(),
  code: varchar({ length: 9 }).notNull().unique(),
  name: text().notNull(),
  provinceName: text().notNull().default(''),
  cityName: text().notNull().default(''),
  areaName: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

