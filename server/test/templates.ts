import path from 'node:path';
import type { AppConfig } from '../src/platform/config.js';
import { createCipher } from '../src/platform/crypto.js';
import type { Db, DatabaseKind } from '../src/platform/db.js';
import { createPermissionTable } from '../src/platform/permissions.js';
import type { AppServices } from '../src/platform/request-context.js';
import { createLocalStorage } from '../src/platform/storage.js';
import { seedDemoStreet } from '../src/modules/demo/index.js';
import { modules } from '../src/modules/registry.js';

export function templateDatabaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function buildSeedServices(config: AppConfig, dbKind: DatabaseKind, filesDir: string): AppServices {
  return {
    config,
    cipher: createCipher(Buffer.from(config.dataKey ?? '', 'base64')),
    permissions: createPermissionTable(modules.map((m) => m.permissions)),
    dbKind,
    storage: createLocalStorage(path.join(filesDir, 'files')),
  };
}

export async function seedDemoInto(db: Db, services: AppServices, password: string): Promise<void> {
  await seedDemoStreet(db, services, password, () => undefined);
}
