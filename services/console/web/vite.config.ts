// Vite build of the console's web app; the console service serves web/dist (no dev server in `pnpm start`).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `<asset>.br` and `<asset>.gz` beside every text asset once, at build time, so the console
 * serves them as they are (`@fastify/static` `preCompressed`) instead of compressing ~1 MB of
 * antd per request (ADR 029).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lianxin-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle(options) {
      const assets = join(options.dir ?? outDir, 'assets');
      const files = (await readdir(assets)).filter((f) => /\.(js|css|svg|json|txt)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const body = await readFile(join(assets, file));
          if (body.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 9,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gz(body, { level: 9 }),
          ]);
          await Promise.all([
            writeFile(join(assets, `${file}.br`), br),
            writeFile(join(assets, `${file}.gz`), gzipped),
          ]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB minified; the charts (ECharts) are split off and load with the dashboard.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4100', '/auth': 'http://127.0.0.1:4100' } },
});
