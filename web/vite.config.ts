import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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
    writeBundle() {
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
  };
}

/**
 * Preloads the light phone shell and its three pages from index.html (decision 0009): main.tsx imports them only
 * after it runs, so without this a phone page waits one more round trip for its code. The antd app needs the
 * shared parts (query client, error messages) anyway; the phone-only code costs an admin page ~10 KB gzip.
 */
function preloadPhoneShell(): Plugin {
  const phoneModules = [
    'src/phone/phone-app.tsx',
    'src/features/points/log-work-page.tsx',
    'src/features/grid/report-hazard-page.tsx',
    'src/features/livelihood/public-request-page.tsx',
  ];
  return {
    name: 'gongjian-preload-phone-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const inEntry = new Set<string>();
        const walk = (file: string, into: Set<string>) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || into.has(file)) return;
          into.add(file);
          for (const dep of chunk.imports) walk(dep, into);
        };
        if (entry) walk(entry.fileName, inEntry);
        const files = new Set<string>();
        for (const id of phoneModules) {
          const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(`/web/${id}`));
          if (chunk) walk(chunk.fileName, files);
        }
        const base = '/';
        const tags = [...files]
          .filter((file) => !inEntry.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
        const css = [...files].flatMap((file) => {
          const chunk = bundle[file];
          return chunk && chunk.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        });
        for (const file of new Set(css)) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `${base}${file}` } as never, injectTo: 'head' });
        return tags;
      },
    },
  };
}

const apiTarget = process.env.GONGJIAN_API ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), preloadPhoneShell(), precompress()],
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
          ],
        },
      },
    },
  },
});
