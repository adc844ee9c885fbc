import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './platform/config.js';
import { createCipher, loadDataKey, type FieldCipher } from './platform/crypto.js';
import { migrateDatabase, openDatabase, type Database } from './platform/db.js';
import { createLocalStorage, type FileStorage } from './platform/storage.js';
import { generatePassword } from './modules/accounts/index.js';
import { demoLoginList, isDemoSeeded, seedDemoStreet } from './modules/demo/index.js';
import { createPermissionTable } from './platform/permissions.js';
import { modules } from './modules/registry.js';
import type { AppServices } from './platform/request-context.js';

export interface Runtime {
  config: AppConfig;
  database: Database;
  cipher: FieldCipher;
  storage: FileStorage;
  services: AppServices;
}

/** Opens the database (PGlite or PostgreSQL), migrates it, and loads the data key and file storage. */
export async function openRuntime(config: AppConfig): Promise<Runtime> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, databaseReadUrl: config.databaseReadUrl, poolMax: config.dbPoolMax, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
  } catch (e) {
    await database.close();
    const cause = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
    if (/already exists/.test(cause)) {
      // Until the first release the migration is squashed (decision 0003): a data folder made by an older build
      // cannot be migrated forward.
      throw new Error(
        `数据库由旧版本创建，无法升级（${cause}）。开发阶段请删除数据目录 ${config.dataDir} 后重新启动以生成演示数据。` +
          ' (The database was created by an older pre-release build; delete the data folder and start again.)',
      );
    }
    throw e;
  }
  const cipher = createCipher(loadDataKey(config.dataKey, config.dataDir));
  const storage = createLocalStorage(path.join(config.dataDir, 'files'));
  const services: AppServices = {
    config,
    cipher,
    permissions: createPermissionTable(modules.map((m) => m.permissions)),
    dbKind: database.kind,
    storage,
  };
  return { config, database, cipher, storage, services };
}

export interface DemoState {
  seededNow: boolean;
  password: string | null;
  logins: Array<{ username: string; role: string }>;
}

/**
 * Fills the demo street on first start. The demo password is GONGJIAN_DEMO_PASSWORD, or one generated
 * and kept beside the data (outside the database) so later starts can print it again.
 */
export async function ensureDemo(rt: Runtime, log: (line: string) => void): Promise<DemoState> {
  const pwFile = path.join(rt.config.dataDir, 'demo-password.txt');
  const stored = fs.existsSync(pwFile) ? fs.readFileSync(pwFile, 'utf8').trim() : null;
  if (await isDemoSeeded(rt.database.db)) {
    return { seededNow: false, password: rt.config.demoPassword ?? stored, logins: demoLoginList };
  }
  const password = rt.config.demoPassword ?? generatePassword();
  log('首次启动：正在生成演示街道「京城路街道」… (first start: creating the demo street)');
  const started = Date.now();
  await seedDemoStreet(rt.database.db, rt.services, password, log);
  log(`演示数据已生成 (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!rt.config.demoPassword) fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  return { seededNow: true, password, logins: demoLoginList };
}
