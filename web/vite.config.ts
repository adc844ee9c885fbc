import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { phoneRoutes, type PhoneRoute } from './src/phone/phone-routes';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
/**
 * Writes .br and .gz copies of every text asset next to it; the server sends them to browsers that accept
 * them (@fastify/static `preCompressed`), so pages cost a third of the bytes without compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'gongjian-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After the phone documents are written (phoneDocuments), so they are compressed too.
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const walk = (dir: string): string[] =>
          fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
        for (const file of walk(outDir)) {
          if (!/\.(js|css|html|svg|json)$/.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
          const body = fs.readFileSync(file);
          if (body.length < 1024) continue;
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
          fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
      },
    },
  };
}

/**
 * The phone pages (decision 0009, 0015): each route's feature folder and page module. The route patterns themselves
 * come from web/src/phone/phone-routes.ts, so the server and the entry match a path the same way. Each page, its
 * feature's hooks and its feature catalogue make one chunk (`phone-<key>`, see `phonePageGroups`).
 */
const phonePages: Record<PhoneRoute['key'], { feature: string; page: string }> = {
  'log-work': { feature: 'points', page: 'log-work-page' },
  'report-hazard': { feature: 'grid', page: 'report-hazard-page' },
  'public-request': { feature: 'livelihood', page: 'public-request-page' },
};
const pageModule = (key: PhoneRoute['key']) => `src/features/${phonePages[key].feature}/${phonePages[key].page}.tsx`;
/** Only the matched modules, not what they import (`includeDependenciesRecursively: false`): phone-routes.ts stays in the entry. */
const phonePageGroups = Object.entries(phonePages).map(([key, { feature, page }]) => ({
  name: `phone-${key}`,
  test: new RegExp(`[\\\\/]web[\\\\/]src[\\\\/]features[\\\\/]${feature}[\\\\/](${page}|hooks|messages|admin-messages)\\b`),
  priority: 10,
  includeDependenciesRecursively: false,
}));

/**
 * One document per phone page (decision 0015). main.tsx imports the phone shell and the page only after it runs,
 * so without preloads a phone page waits one more round trip for its code. The build writes `phone/<key>.html`: the
 * index.html with `modulepreload` links for the phone shell and that page's chunks only, and `phone-routes.json`
 * (pattern → document), from which the server picks the document for a phone path. index.html itself, the antd
 * app's document, preloads nothing of the phone pages.
 */
function phoneDocuments(): Plugin {
  let outDir = '';
  return {
    name: 'gongjian-phone-documents',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      const closure = (file: string, into: Set<string>) => {
        const chunk = bundle[file];
        if (!chunk || chunk.type !== 'chunk' || into.has(file)) return into;
        into.add(file);
        for (const dep of chunk.imports) closure(dep, into);
        return into;
      };
      const chunkOf = (id: string) => chunks.find((c) => c.moduleIds.some((m) => m.replace(/\\/g, '/').endsWith(`/web/${id}`)));
      const inEntry = entry ? closure(entry.fileName, new Set()) : new Set<string>();
      const shell = chunkOf('src/phone/phone-app.tsx');
      if (!shell) throw new Error('phone documents: no chunk for src/phone/phone-app.tsx');
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      fs.mkdirSync(path.join(outDir, 'phone'), { recursive: true });
      const routes: { key: string; pattern: string; flags: string; document: string }[] = [];
      for (const route of phoneRoutes) {
        const page = chunkOf(pageModule(route.key));
        if (!page) throw new Error(`phone documents: no chunk for ${pageModule(route.key)}`);
        const files = closure(page.fileName, closure(shell.fileName, new Set()));
        const js = [...files].filter((f) => !inEntry.has(f));
        const css = new Set([...files].flatMap((f) => {
          const c = bundle[f];
          return c && c.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : [];
        }));
        const tags = [
          ...js.filter((f) => !html.includes(`/${f}"`)).map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">`),
          ...[...css].filter((f) => !html.includes(`/${f}"`)).map((f) => `    <link rel="stylesheet" crossorigin href="/${f}">`),
        ].join('\n');
        const document = `phone/${route.key}.html`;
        fs.writeFileSync(path.join(outDir, document), html.replace('</head>', `${tags}\n  </head>`));
        routes.push({ key: route.key, pattern: route.pattern.source, flags: route.pattern.flags, document });
      }
      fs.writeFileSync(path.join(outDir, 'phone-routes.json'), `${JSON.stringify(routes, null, 2)}\n`);
    },
  };
}

const apiTarget = process.env.GONGJIAN_API ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), phoneDocuments(), precompress()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // scripts/bundle-size.mjs reads the manifest to check each page's initial JavaScript against its budget.
    manifest: true,
    // ECharts (~1.1 MB) is its own lazily loaded chunk, fetched only by pages that draw a chart.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Pages are split by route with React.lazy; these groups only keep the rarely-changing
        // framework code in its own cacheable chunk. ECharts is deliberately absent: it is
        // reached only through the dynamic import in ui/chart.tsx.
        codeSplitting: {
          groups: [
            // What every page needs (both shells): React and TanStack Query.
            {
              name: 'react-vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/,
              priority: 20,
            },
            // Only the antd app routes with React Router; the phone shell (decision 0009) does not load it.
            {
              name: 'router-vendor',
              test: /[\\/]node_modules[\\/]react-router[\\/]/,
              priority: 20,
            },
            // The phone shell and what it shares with the antd app (API client, session, query client, core
            // catalogue, error texts) in one chunk, and each phone page with its hooks and feature catalogue in one:
            // a phone page then fetches six scripts and a stylesheet instead of sixteen and one, which on a phone's
            // high-latency link over HTTP/1.1 (six connections) is far fewer rounds of requests (decision 0015).
            {
              name: 'phone-shell',
              test: /[\\/]web[\\/]src[\\/](phone[\\/](phone-app|ui|toast|form-errors|photo-picker)|app[\\/](auth|query-client)|i18n[\\/]|ui[\\/](api|error-message))\b/,
              priority: 10,
              includeDependenciesRecursively: false,
            },
            ...phonePageGroups,
          ],
        },
      },
    },
  },
});
