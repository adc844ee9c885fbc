import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.GONGJIAN_API ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
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
            {
              name: 'react-vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
