import { ensureDemo, openRuntime } from './bootstrap.js';
import { loadConfig } from './platform/config.js';
import { verifyAuditChain } from './modules/audit/index.js';
import { runDigestCommand } from './modules/dashboards/index.js';
import { runGenerateCommand } from './generate/generate.command.js';
import { runBackupCommand, runRestoreCommand } from './modules/backup/index.js';
import { createStreet, ensurePlatformTenant, listTenants } from './modules/tenants/index.js';

const usage = `Usage: npm run gongjian -- <command>
  street create <9-digit code>   start a street (tenant) from its division code
  street list                    list streets
  audit verify                   check every street's audit hash chain
  backup <file>                  write an encrypted backup of the database and uploads
  restore <file> [--force]       restore a backup (--force overwrites a database holding data)
  generate --streets N [--seed 42] [--scale 1]   fill the PostgreSQL database (DATABASE_URL) with a generated city
  demo seed                      fill the demo street if the database is empty
  digest build [yyyy-mm-dd]      build every user's daily to-do digest (idempotent)`;

async function main(argv: string[]) {
  const [cmd, sub, arg] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  const rt = await openRuntime(config);
  try {
    if (cmd === 'street' && sub === 'create') {
      if (!arg) throw new Error('street create needs a 9-digit division code');
      await ensurePlatformTenant(rt.database.db);
      const r = await createStreet(rt.database.db, rt.services, arg);
      console.log(`已建立 ${r.tenant.name}（${r.tenant.code}，${r.units.length} 个村/社区党组织）`);
      console.log(`  admin login: ${r.adminUsername}  password: ${r.adminPassword}`);
      return 0;
    }
    if (cmd === 'street' && sub === 'list') {
      for (const t of await listTenants(rt.database.db)) console.log(`${t.code}  ${t.name}  (${t.provinceName}${t.cityName}${t.areaName})`);
      return 0;
    }
    if (cmd === 'audit' && sub === 'verify') {
      let failed = 0;
      for (const t of [{ id: 0, code: '000000000', name: '平台' }, ...(await listTenants(rt.database.db))]) {
        const r = await verifyAuditChain(rt.database.db, t.id);
        console.log(`${t.code} ${t.name}: ${r.ok ? 'OK' : `BROKEN at seq ${r.brokenAtSeq}`} (${r.checked} events checked)`);
        if (!r.ok) failed++;
      }
      return failed === 0 ? 0 : 1;
    }
    if (cmd === 'digest' && sub === 'build') {
      return await runDigestCommand(rt.database.db, rt.services, arg ? [arg] : []);
    }
    if (cmd === 'backup') return await runBackupCommand(rt.database, config, sub);
    if (cmd === 'restore') return await runRestoreCommand(rt.database, config, sub, [arg ?? '']);
    if (cmd === 'generate') {
      return await runGenerateCommand(rt, argv.slice(1));
    }
    if (cmd === 'demo' && sub === 'seed') {
      const d = await ensureDemo(rt, console.log);
      console.log(d.seededNow ? 'demo street created' : 'demo street already present');
      return 0;
    }
    console.error(usage);
    return 2;
  } finally {
    await rt.database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { message?: string; details?: unknown };
    console.error(`错误: ${err.message ?? String(e)}`);
    process.exit(1);
  },
);
