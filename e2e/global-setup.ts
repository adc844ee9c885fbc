/**
 * Runs once before the browser tests: chromium present, web/dist built and not older than web/src,
 * and one seeded data folder that every test file's server starts from a copy of (seeding the demo
 * street takes about a minute; copying it takes a second).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot, startServer } from './harness';

function newestMtime(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isBuildStale(): boolean {
  const builtIndex = path.join(repoRoot, 'web', 'dist', 'index.html');
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((entry) => path.join(repoRoot, entry));
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('bash', [path.join(repoRoot, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (isBuildStale()) {
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }

  // Seed once into a folder the first server keeps; stop it so the folder is consistent on disk.
  process.stderr.write('e2e: seeding the demo street once into a template data folder…\n');
  const seeding = await startServer({ templateDataDir: null, readyTimeoutMs: 600_000, keepDataDir: true });
  await seeding.stop();
  project.provide('gongjianTemplateDataDir', seeding.dataDir);
  return async () => {
    await rm(seeding.dataDir, { recursive: true, force: true });
  };
}
