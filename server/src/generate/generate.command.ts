import type { Runtime } from '../bootstrap.js';
import { analyse, generateCity, PER_STREET, type Progress } from './generate.city.js';


function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} 需要一个正数`);
  return v;
}

function progressBar(p: Progress): string {
  const width = 24;
  const done = Math.round(((p.street - 1) / p.streets) * width);
  const rate = p.rows / Math.max(1, p.elapsedMs / 1000);
  return `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] 街道 ${p.street}/${p.streets} ${p.code} ${p.name} · ${p.step} · ${p.rows.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s   `;
}

/** `npm run gongjian -- generate --streets 100 [--seed 42] [--scale 1]`: PostgreSQL only. */
export async function runGenerateCommand(rt: Runtime, argv: string[]): Promise<number> {
  if (rt.database.kind !== 'postgres') {
    console.error('错误: generate 只能写入 PostgreSQL：请设置 DATABASE_URL（内置数据库 PGlite 装不下一个城市的数据）。');
    return 2;
  }
  const streets = Math.round(option(argv, 'streets', 100));
  const seed = Math.round(option(argv, 'seed', 42));
  const scale = option(argv, 'scale', 1);
  const adminPassword = process.env.GONGJIAN_GENERATE_PASSWORD || 'City#2026pass';
  const per = (x: number) => Math.round(x * scale * streets).toLocaleString('en');
  console.error(
    `生成 ${streets} 个街道（seed ${seed}, scale ${scale}）：约 ${per(PER_STREET.members)} 党员, ${per(PER_STREET.households)} 住户, ` +
      `${per(PER_STREET.entries)} 积分流水, ${per(PER_STREET.hazards)} 隐患`,
  );
  let last = 0;
  const result = await generateCity(rt.database.db, rt.services, {
    streets,
    seed,
    scale,
    adminPassword,
    progress: (p) => {
      const now = Date.now();
      if (now - last < 250 && p.step !== 'housing_units') return;
      last = now;
      process.stderr.write(progressBar(p));
    },
  }).catch((e: unknown) => {
    // Drizzle wraps the database error: show PostgreSQL's own message, not only the failed statement.
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    throw new Error(cause ? `${cause}\n${(e as Error).message.slice(0, 400)}` : (e as Error).message);
  });
  process.stderr.write('\n正在更新统计信息 (analyze)…\n');
  const analyseStart = performance.now();
  await analyse(rt.database.db);
  const totalMs = result.ms + (performance.now() - analyseStart);
  const sums: Record<string, number> = {};
  for (const s of result.streets) for (const [k, v] of Object.entries(s.rows)) sums[k] = (sums[k] ?? 0) + v;
  for (const [k, v] of Object.entries(sums)) console.log(`  ${k.padEnd(26)} ${v.toLocaleString('en').padStart(12)}`);
  console.log(`已生成 ${result.streets.length} 个街道，共 ${result.rows.toLocaleString('en')} 行，用时 ${(totalMs / 1000).toFixed(1)} s（${Math.round(result.rows / (totalMs / 1000)).toLocaleString('en')} rows/s）`);
  console.log(`  登录: admin-<街道代码>（如 ${result.streets[0]?.adminUsername ?? ''}），密码 ${adminPassword}（GONGJIAN_GENERATE_PASSWORD）`);
  return 0;
}
