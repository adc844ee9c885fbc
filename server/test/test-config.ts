import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../src/platform/config.js';

export const TEST_PASSWORD = 'Demo#2026pass';
/** A fixed data key for tests only (32 bytes, base64). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({
    GONGJIAN_DATA_DIR: path.join(os.tmpdir(), 'gongjian-test-data'),
    GONGJIAN_DATA_KEY: TEST_DATA_KEY,
    GONGJIAN_DEMO_PASSWORD: TEST_PASSWORD,
    GONGJIAN_ARGON2_MEMORY_KIB: '4096',
    GONGJIAN_LOG_LEVEL: 'silent',
  });
  return { ...base, ...overrides };
}
