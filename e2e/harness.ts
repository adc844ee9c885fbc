/**
 * Browser-test harness: a real server on a random port with a fresh PGlite folder, and Debian's
 * chromium driven by playwright-core. No mocks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's data folder with the demo street already seeded (see global-setup.ts). */
    gongjianTemplateDataDir: string;
  }
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const demoPassword = process.env.GONGJIAN_DEMO_PASSWORD ?? 'Demo#2026pass';
export const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');

export interface RunningServer {
  url: string;
  /** The server's GONGJIAN_DATA_DIR (removed by stop() unless keepDataDir). */
  dataDir: string;
  /** SIGTERM, wait for exit (SIGKILL after 15 s), then remove the data folder. */
  stop: () => Promise<void>;
}

const readyPattern = /GONGJIAN_READY (\S+)/;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export interface StartServerOptions {
  /** Copy this seeded data folder instead of seeding the demo street again (default: the one global-setup made). */
  templateDataDir?: string | null;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Leave the data folder on disk after stop() (global-setup keeps its seeded template). */
  keepDataDir?: boolean;
}

function providedTemplateDataDir(): string | null {
  try {
    return inject('gongjianTemplateDataDir') || null;
  } catch {
    return null; // not running under vitest's global setup
  }
}

/**
 * Starts `node --import tsx server/src/server.ts` with PORT=0 and a fresh temp GONGJIAN_DATA_DIR
 * (a copy of the seeded template when there is one) and resolves once it prints GONGJIAN_READY.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { env: extraEnv = {}, readyTimeoutMs = 170_000 } = options;
  const template = options.templateDataDir === undefined ? providedTemplateDataDir() : options.templateDataDir;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gongjian-e2e-'));
  if (template) {
    await cp(template, dataDir, { recursive: true });
    await rm(path.join(dataDir, 'gongjian.lock'), { force: true });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      GONGJIAN_DATA_DIR: dataDir,
      GONGJIAN_DEMO_PASSWORD: demoPassword,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server not ready after ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = readyPattern.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (code ${code}, signal ${signal}) before it was ready:\n${output}`));
      });
    });
    // Keep draining the pipes so a chatty server never blocks on a full buffer.
    child.stdout?.resume();
    child.stderr?.resume();
    return { url, dataDir, stop };
  } catch (error) {
    await stop();
    if (options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Shared machines get busy; a generous wait beats a flaky failure (the test timeout still bounds it). */
const actionTimeoutMs = 60_000;

function withTimeouts(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(actionTimeoutMs);
  context.setDefaultNavigationTimeout(actionTimeoutMs);
  return context;
}

/** What every test browser shares: Chinese, Beijing time, and reduced motion (no dialog is mid-zoom when clicked). */
const person = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' } as const;

/** A desktop, 1366×860 unless a test needs a bigger screen (the dashboard's big screen). */
export async function newDesktopContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 860 }): Promise<BrowserContext> {
  return withTimeouts(await browser.newContext({ ...person, baseURL, viewport }));
}

/** A phone: 375×812, touch, mobile viewport meta honoured. */
export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...person,
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return withTimeouts(context);
}

/** Fills the login form (fields by id, so it works in either language) and submits. */
export async function submitLogin(page: Page, username: string, password = demoPassword): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs in as a demo user and waits for the signed-in layout. */
export async function login(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.getByTestId('street-name').waitFor();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}
