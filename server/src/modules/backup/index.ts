import type { AppConfig } from '../../platform/config.js';
import { loadDataKey } from '../../platform/crypto.js';
import type { Database } from '../../platform/db.js';
import { createBackup, restoreBackup } from './backup.service.js';

export { BackupFileError, decodeBackup, encodeBackup, readBackupHeader, type BackupHeader } from './backup.format.js';
export { createBackup, hasData, restoreBackup, tableChecksums, type BackupTarget, type TableChecksum } from './backup.service.js';
export { loadBackupSchedule, pruneBackups, runDailyBackup, scheduleBackups } from './backup.schedule.js';

/** `gongjian backup <file>` — not an HTTP module: the CLI and the server's daily job call it. */
export async function runBackupCommand(database: Database, config: AppConfig, file: string | undefined): Promise<number> {
  if (!file) throw new Error('backup 需要文件名 (backup <file>)');
  const s = await createBackup({ database, databaseUrl: config.databaseUrl, dataDir: config.dataDir, dataKey: loadDataKey(config.dataKey, config.dataDir) }, file);
  console.log(`备份完成 (backup written): ${s.file}  ${s.kind}, ${(s.bytes / 1048576).toFixed(1)} MB, ${s.files} uploaded files, ${s.createdAt}`);
  return 0;
}

/** `gongjian restore <file> [--force]` */
export async function runRestoreCommand(database: Database, config: AppConfig, file: string | undefined, flags: string[]): Promise<number> {
  if (!file) throw new Error('restore 需要文件名 (restore <file> [--force])');
  const force = flags.includes('--force');
  const s = await restoreBackup({ database, databaseUrl: config.databaseUrl, dataDir: config.dataDir, dataKey: loadDataKey(config.dataKey, config.dataDir) }, file, { force });
  console.log(`恢复完成 (restored): ${s.kind} backup of ${s.createdAt}, ${s.files} uploaded files`);
  return 0;
}
