import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppConfig } from '../../platform/config.js';
import { loadDataKey } from '../../platform/crypto.js';
import type { Database } from '../../platform/db.js';
import { scheduleDailyJob } from '../../platform/daily-job.js';
import { createBackup } from './backup.service.js';

const backupEnv = z.object({
  /** Folder for the daily backups; unset = no scheduled backup. */
  GONGJIAN_BACKUP_DIR: z.string().optional(),
  /** Days of daily backups to keep (older files in the folder are deleted after each backup). */
  GONGJIAN_BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /** Hour of the Shanghai day from which the daily backup runs. */
  GONGJIAN_BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(2),
});

export interface BackupSchedule {
  dir: string | null;
  keepDays: number;
  hour: number;
}

export function loadBackupSchedule(env: NodeJS.ProcessEnv = process.env): BackupSchedule {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('GONGJIAN_BACKUP_') && v !== undefined && v !== ''));
  const parsed = backupEnv.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return { dir: e.GONGJIAN_BACKUP_DIR ? path.resolve(e.GONGJIAN_BACKUP_DIR) : null, keepDays: e.GONGJIAN_BACKUP_KEEP_DAYS, hour: e.GONGJIAN_BACKUP_HOUR };
}

const dailyName = /^gongjian-(\d{4}-\d{2}-\d{2})\.backup$/;

/** Deletes daily backups whose day is more than `keepDays` before `day` (only files this schedule wrote). */
export function pruneBackups(dir: string, day: string, keepDays: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const cutoff = new Date(`${day}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - keepDays + 1);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = dailyName.exec(name);
    if (m?.[1] && m[1] < cutoffDay) {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Writes `gongjian-<day>.backup` (idempotent for the day) and prunes old ones. */
export async function runDailyBackup(database: Database, config: AppConfig, schedule: BackupSchedule & { dir: string }, day: string) {
  const file = path.join(schedule.dir, `gongjian-${day}.backup`);
  const summary = fs.existsSync(file)
    ? null
    : await createBackup({ database, databaseUrl: config.databaseUrl, dataDir: config.dataDir, dataKey: loadDataKey(config.dataKey, config.dataDir) }, file);
  const removed = pruneBackups(schedule.dir, day, schedule.keepDays);
  return { file, written: summary !== null, removed };
}

/** Starts the daily backup when GONGJIAN_BACKUP_DIR is set; returns the stop function. */
export function scheduleBackups(database: Database, config: AppConfig, log: (line: string) => void): () => void {
  const schedule = loadBackupSchedule();
  const dir = schedule.dir;
  if (!dir) return () => undefined;
  return scheduleDailyJob(
    'backup',
    schedule.hour,
    async (day) => {
      const r = await runDailyBackup(database, config, { ...schedule, dir }, day);
      log(`每日备份 (daily backup): ${r.written ? 'written' : 'already present'} ${r.file}; removed ${r.removed.length} old`);
    },
    log,
  );
}
