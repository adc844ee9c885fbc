import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.table.js';
import { orgUnits } from '../org-units/org-units.table.js';
import type { Role } from '../../platform/roles.js';

export const users = pgTable(
  'users',
  {
    tenantId: integer()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    roles: text().array().$type<Role[]>().notNull(),
    /** Root of the user's data scope (null only for the platform tenant). */
    scopeOrgId: uuid(),
    memberId: uuid(),
    status: text().$type<'active' | 'disabled'>().notNull().default('active'),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    mustChangePassword: boolean().notNull().default(false),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp({ withTimezone: true }),
    /** TOTP secret, encrypted with the field cipher; set at enrolment, in force once totpEnabledAt is set. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (no replay within its 30 s window). */
    totpLastStep: integer(),
    /** Why the account was disabled (管理员停用 / 长期未登录), shown to administrators. */
    disabledReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('users_tenant_username_uq').on(t.tenantId, t.username),
    index('users_username_idx').on(t.username),
    foreignKey({ columns: [t.tenantId, t.scopeOrgId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

/** Server-side sessions; the cookie carries `<tenantId>.<token>` and only the token's hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tenantId: integer().notNull(),
    tokenHash: text().notNull(),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text().notNull().default(''),
    userAgent: text().notNull().default(''),
    /** 'active' sessions act; a login that still owes a second factor or a new password waits in 'totp' / 'password'. */
    stage: text().$type<'active' | 'totp' | 'password'>().notNull().default('active'),
    /** Wrong second-factor codes tried on a pending login. */
    attempts: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('sessions_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Failed logins per source address (throttling survives restarts and spans API processes). */
export const loginFailures = pgTable(
  'login_failures',
  {
    tenantId: integer().notNull().default(0),
    id: uuid().notNull().defaultRandom(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('login_failures_ip_idx').on(t.tenantId, t.ip, t.at)],
);

/** Single-use recovery codes for two-factor login; only hashes are stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    tenantId: integer().notNull(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('recovery_codes_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Per-street security settings (the security administrator's); absent values fall back to the configuration. */
export const securitySettings = pgTable('security_settings', {
  tenantId: integer()
    .primaryKey()
    .references(() => tenants.id),
  requireTotpForAdmins: boolean().notNull().default(false),
  adminPasswordMaxDays: integer(),
  dormantDays: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
