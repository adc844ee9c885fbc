#!/usr/bin/env node
// Front-end budgets (issue #8): the JavaScript a browser must fetch before a page can render, gzip-compressed.
// A phone page (decision 0009) has its own document (decision 0015, web/dist/phone-routes.json): it costs every
// script that document loads or preloads, read from the document itself. An admin page costs, by Vite's manifest
// (web/dist/.vite/manifest.json, written by `vite build`), the entry's static import closure, plus the antd app's
// shell, plus its own route chunk's static closure — everything fetched before it renders. Chunks
// loaded later on demand (ECharts, other routes) are not counted. Each page has the aim and a CI
// ceiling: CI fails (exit 1) above the ceiling. Since decision 0009 the ceiling is the aim for every page.
//   node scripts/bundle-size.mjs [distDir]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'web/dist');
const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`no Vite manifest at ${manifestPath}: run vite build first`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const KB = 1024;
const antdShell = 'src/app/app.tsx';
const pages = [
  { name: '党员手机端：我的积分/记录工作 (phone)', document: 'log-work', budget: 200 * KB, ceiling: 200 * KB },
  { name: '网格员手机端：上报隐患 (phone)', document: 'report-hazard', budget: 200 * KB, ceiling: 200 * KB },
  { name: '居民手机端：诉求/微心愿 (phone)', document: 'public-request', budget: 200 * KB, ceiling: 200 * KB },
  { name: '管理端：党员管理 (admin)', shell: antdShell, chunk: 'src/features/members/members-page.tsx', budget: 500 * KB, ceiling: 500 * KB },
  { name: '管理端：数据看板 (admin)', shell: antdShell, chunk: 'src/features/dashboard/dashboard-page.tsx', budget: 500 * KB, ceiling: 500 * KB },
];

const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipCache.get(file);
}
function closure(key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of entry.imports ?? []) closure(dep, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error('no entry chunk in the manifest');
  process.exit(1);
}
const entryChunks = closure(entryKey);
const sum = (keys) => [...keys].reduce((n, k) => n + (manifest[k].file.endsWith('.js') ? gzipSize(manifest[k].file) : 0), 0);
const cssSum = (keys) => [...keys].reduce((n, k) => n + (manifest[k].css ?? []).reduce((m, f) => m + gzipSize(f), 0), 0);
const fmt = (b) => `${(b / KB).toFixed(1)} KB`;

let failed = 0;
console.log(`entry (${manifest[entryKey].file}) and its static imports: ${fmt(sum(entryChunks))} gzip JS`);
console.log('| page | initial JS (gzip) | CSS (gzip) | aim | CI ceiling | |');
console.log('|---|---|---|---|---|---|');
const phoneDocuments = fs.existsSync(path.join(dist, 'phone-routes.json')) ? JSON.parse(fs.readFileSync(path.join(dist, 'phone-routes.json'), 'utf8')) : [];
/** The scripts and stylesheets a document loads before its page renders (src, modulepreload, stylesheet). */
function documentAssets(file) {
  const html = fs.readFileSync(path.join(dist, file), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return { js: refs.filter((f) => f.endsWith('.js')), css: refs.filter((f) => f.endsWith('.css')) };
}
for (const p of pages) {
  if (p.document) {
    const doc = phoneDocuments.find((d) => d.key === p.document);
    if (!doc) {
      console.log(`| ${p.name} | no document ${p.document} in phone-routes.json | | ${fmt(p.budget)} | ${fmt(p.ceiling)} | ✗ |`);
      failed++;
      continue;
    }
    const { js: scripts, css } = documentAssets(doc.document);
    const js = scripts.reduce((n, f) => n + gzipSize(f), 0);
    if (js > p.ceiling) failed++;
    const verdict = js <= p.budget ? '✓ aim met' : js <= p.ceiling ? 'aim not met (under the ceiling)' : '✗ over the ceiling';
    console.log(`| ${p.name} | ${fmt(js)} in ${scripts.length} files | ${fmt(css.reduce((n, f) => n + gzipSize(f), 0))} | ${fmt(p.budget)} | ${fmt(p.ceiling)} | ${verdict} |`);
    continue;
  }
  const missing = [p.shell, p.chunk].filter((k) => !manifest[k]);
  if (missing.length) {
    console.log(`| ${p.name} | missing chunk ${missing.join(', ')} | | ${fmt(p.budget)} | ${fmt(p.ceiling)} | ✗ |`);
    failed++;
    continue;
  }
  const keys = closure(p.chunk, closure(p.shell, new Set(entryChunks)));
  const js = sum(keys);
  const withinCeiling = js <= p.ceiling;
  if (!withinCeiling) failed++;
  const verdict = js <= p.budget ? '✓ aim met' : withinCeiling ? 'aim not met (under the ceiling)' : '✗ over the ceiling';
  console.log(`| ${p.name} | ${fmt(js)} | ${fmt(cssSum(keys))} | ${fmt(p.budget)} | ${fmt(p.ceiling)} | ${verdict} |`);
}
const lazyOnly = Object.entries(manifest)
  .filter(([, v]) => v.file.endsWith('.js') && gzipSize(v.file) > 100 * KB)
  .map(([k, v]) => `${k} → ${v.file} ${fmt(gzipSize(v.file))}`);
if (lazyOnly.length) console.log(`chunks over 100 KB gzip (loaded only where used): ${lazyOnly.join('; ')}`);
console.log(failed ? `bundle budgets: ${failed} over the ceiling` : 'bundle budgets: every page under its CI ceiling');
process.exit(failed ? 1 : 0);
