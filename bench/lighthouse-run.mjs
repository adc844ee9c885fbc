// Runs one Lighthouse audit in plain Node and prints the figures as JSON. Kept out of tsx on purpose:
// tsx's transform adds helpers (__name) to functions that Lighthouse serialises into the page, which breaks them.
//   node bench/lighthouse-run.mjs <url> [cookie]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [url, cookie] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], extraHeaders: cookie ? { Cookie: cookie } : undefined });
  const lhr = result.lhr;
  // LIGHTHOUSE_REPORT=<file.json> keeps the whole report, to find out why a page is slow (LCP element, long tasks).
  if (process.env.LIGHTHOUSE_REPORT) (await import('node:fs')).writeFileSync(process.env.LIGHTHOUSE_REPORT, JSON.stringify(lhr));
  const items = lhr.audits['resource-summary']?.details?.items ?? [];
  console.log(
    JSON.stringify({
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcp: lhr.audits['largest-contentful-paint']?.numericValue,
      fcp: lhr.audits['first-contentful-paint']?.numericValue,
      tbt: lhr.audits['total-blocking-time']?.numericValue,
      js: items.find((x) => x.resourceType === 'script')?.transferSize,
      finalUrl: lhr.finalDisplayedUrl,
      runtimeError: lhr.runtimeError?.message ?? null,
    }),
  );
} finally {
  chrome.kill();
}
