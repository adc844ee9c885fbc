import fs from 'node:fs';
import { benchCore } from './core.bench.js';
import { machine, startPgCluster } from './lib.js';

/** npm run bench: runs every benchmark section and writes docs/benchmarks.md. */
async function main() {
  const only = process.argv.slice(2);
  const started = new Date();
  const pg = startPgCluster();
  const sections: string[] = [];
  try {
    if (only.length === 0 || only.includes('core')) sections.push(...(await benchCore(pg.url)));
  } finally {
    pg.stop();
  }
  const doc = [
    '# Benchmarks',
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` on ${machine()}.`,
    'PostgreSQL figures use a PostgreSQL 15 cluster started by the benchmark on loopback (fsync off, as in tests).',
    'Latencies are end-to-end over HTTP on loopback from the same process (sequential requests, after 10 warm-up requests);',
    'speed is never asserted in tests.',
    '',
    ...sections,
  ].join('\n');
  fs.writeFileSync('docs/benchmarks.md', doc + '\n');
  console.log(doc);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
