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

const apiTarget = process.env.GONGJIAN_API ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
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
