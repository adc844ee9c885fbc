import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** A streaming replica for dashboard and export reads (docs/scaling.md); writes always go to DATABASE_URL. */
  DATABASE_READ_URL: z.string().url().optional(),
  /** Connections per API process to PostgreSQL (and as many again to the replica when set). */
  GONGJIAN_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  GONGJIAN_DATA_DIR: z.string().default('./data'),
  GONGJIAN_DATA_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  GONGJIAN_DEMO_PASSWORD: z.string().min(8).optional(),
  GONGJIAN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  GONGJIAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  GONGJIAN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  GONGJIAN_ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  GONGJIAN_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  GONGJIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGJIAN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  GONGJIAN_EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  GONGJIAN_ADMIN_PASSWORD_MAX_DAYS: z.coerce.number().int().min(1).default(90),
  GONGJIAN_DORMANT_DAYS: z.coerce.number().int().min(1).default(90),
  GONGJIAN_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(184, 'at least 184 days (网络安全法 / 等保)').default(366),
  GONGJIAN_PUBLIC_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  dbPoolMax: number;
  dataDir: string;
  dataKey: string | undefined;
  demoPassword: string | undefined;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  argon2MemoryKib: number;
  uploadMaxBytes: number;
  logLevel: string;
  trustProxy: boolean;
  /** Exports one user may start per minute. */
  exportsPerMinute: number;
  /** Administrator passwords expire after this many days (must be changed at the next login). */
  adminPasswordMaxDays: number;
  /** Accounts with no login for this many days are disabled by the daily job. */
  dormantDays: number;
  /** Audit events older than this are purged by the daily job (never less than 184 days). */
  auditRetentionDays: number;
  /** Contact details of closed public requests are erased this many days after closing. */
  publicContactRetentionDays: number;
}

/** Parses configuration once at boot; bad configuration stops the process with the field named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (FOO=) means "not set", as shells and .env files use it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dbPoolMax: e.GONGJIAN_DB_POOL_MAX,
    dataDir: path.resolve(e.GONGJIAN_DATA_DIR),
    dataKey: e.GONGJIAN_DATA_KEY,
    demoPassword: e.GONGJIAN_DEMO_PASSWORD,
    seedDemo: e.GONGJIAN_SEED_DEMO === 'true',
    sessionIdleMinutes: e.GONGJIAN_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.GONGJIAN_SESSION_MAX_HOURS,
    argon2MemoryKib: e.GONGJIAN_ARGON2_MEMORY_KIB,
    uploadMaxBytes: e.GONGJIAN_UPLOAD_MAX_BYTES,
    logLevel: e.GONGJIAN_LOG_LEVEL,
    trustProxy: e.GONGJIAN_TRUST_PROXY === 'true',
    exportsPerMinute: e.GONGJIAN_EXPORTS_PER_MINUTE,
    adminPasswordMaxDays: e.GONGJIAN_ADMIN_PASSWORD_MAX_DAYS,
    dormantDays: e.GONGJIAN_DORMANT_DAYS,
    auditRetentionDays: e.GONGJIAN_AUDIT_RETENTION_DAYS,
    publicContactRetentionDays: e.GONGJIAN_PUBLIC_CONTACT_RETENTION_DAYS,
  };
}
