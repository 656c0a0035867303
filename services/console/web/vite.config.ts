// Vite build of the console's web app; the console service serves web/dist (no dev server in `pnpm start`).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB minified; the charts (ECharts) are split off and load with the dashboard.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4100', '/auth': 'http://127.0.0.1:4100' } },
});
