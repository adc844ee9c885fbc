import fs from 'node:fs';
import path from 'node:path';
import { benchCore } from './core.bench.js';
import { benchBaseline, benchDashboard, benchGenerate, benchHazards } from './city.bench.js';
import { benchLighthouse } from './lighthouse.bench.js';
import { benchLoad, benchSoak } from './load.bench.js';
import { benchRanking } from './ranking.bench.js';
import { machine, startPgCluster, writeSection } from './lib.js';

/**
 * npm run bench [-- <section> …]: runs the named sections (all when none is named). Each section writes
 * docs/bench/<section>.md; docs/benchmarks.md is rebuilt from every section file, so the text of sections not
 * re-run is kept. Hand-written notes on a section live in docs/bench/<section>.notes.md and are never overwritten.
 */
const sections: Array<{ name: string; run: (pgAdminUrl: string) => Promise<string[]> }> = [
  { name: 'core', run: benchCore },
  { name: 'generate', run: benchGenerate },
  { name: 'ranking', run: benchRanking },
  { name: 'hazards', run: benchHazards },
  { name: 'dashboard', run: benchDashboard },
  { name: 'baseline', run: benchBaseline },
  { name: 'load', run: benchLoad },
  { name: 'soak', run: benchSoak },
  { name: 'lighthouse', run: () => benchLighthouse() },
];

async function main() {
  // `npm run bench -- assemble` only rebuilds docs/benchmarks.md from the section files.
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => n !== 'assemble' && !sections.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')} (known: ${sections.map((s) => s.name).join(', ')})`);
  const pg = only.length === 1 && only[0] === 'assemble' ? null : startPgCluster();
  try {
    for (const s of sections) {
      if (!pg || (only.length > 0 && !only.includes(s.name))) continue;
      const started = new Date();
      console.error(`bench: ${s.name} …`);
      const lines = await s.run(pg.url);
      const stamp = `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- ${s.name}\` on ${machine()}.`;
      writeSection(s.name, [lines[0], '', stamp, ...lines.slice(1)]);
      console.log(lines.join('\n'));
    }
  } finally {
    pg?.stop();
  }
  const parts: string[] = [];
  for (const s of sections) {
    for (const file of [`${s.name}.md`, `${s.name}.notes.md`]) {
      const p = path.join('docs/bench', file);
      if (fs.existsSync(p)) parts.push(fs.readFileSync(p, 'utf8').trimEnd(), '');
    }
  }
  const doc = [
    '# Benchmarks',
    '',
    'Each section below is produced by `npm run bench -- <section>` (sections: ' + sections.map((s) => `\`${s.name}\``).join(', ') + '; `assemble` only rebuilds this file) and',
    'says when and on which machine it was measured. PostgreSQL figures use a PostgreSQL 15 cluster started by the benchmark',
    'on loopback (fsync off, as in tests). Latencies are end-to-end over HTTP on loopback (sequential requests after 10',
    'warm-up requests unless a section says otherwise); speed is never asserted in tests.',
    '',
    ...parts,
  ].join('\n');
  fs.writeFileSync('docs/benchmarks.md', doc.trimEnd() + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
