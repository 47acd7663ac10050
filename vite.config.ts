import { cp, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const DATA_DIR = resolve(import.meta.dirname, 'data');
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.md': 'text/markdown',
};

/**
 * Serves the top-level data/ folder at <base>data/ in dev and copies it into the build, so the
 * dataset stays plain files that contributors edit and the validator checks in place.
 * (vite-plugin-static-copy does this too, but its current major needs Node 22.)
 */
function datasetFiles(): Plugin {
  let base = '/';
  let outDir = 'dist';
  return {
    name: 'dataset-files',
    configResolved(c) {
      base = c.base;
      outDir = resolve(c.root, c.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        const prefix = `${base}data/`;
        if (!path.startsWith(prefix)) return next();
        const file = normalize(join(DATA_DIR, path.slice(prefix.length)));
        if (!file.startsWith(DATA_DIR)) return next();
        try {
          if (!(await stat(file)).isFile()) return next();
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.end(await readFile(file));
        } catch {
          next();
        }
      });
    },
    async writeBundle() {
      await cp(DATA_DIR, join(outDir, 'data'), { recursive: true });
    },
  };
}

export default defineConfig({
  // The path the app is served under, e.g. BASE_PATH=/conflict-map/ for a sub-folder.
  base: process.env.BASE_PATH ?? './',
  plugins: [preact(), datasetFiles()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // MapLibre in a chunk of its own: it caches across app releases, and its size is measured apart.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/maplibre-gl/') ? 'maplibre' : undefined),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
