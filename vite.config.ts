import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { listFiles } from './scripts/lib/read-local';
import { compiledNameFor } from './src/data/compiled/format';
import { buildFolderIndex, FOLDER_INDEX, folderIndexText } from './src/data/folder-index';
import { compileLocal } from './scripts/lib/compile-local';
import { dataCodeHash } from './scripts/lib/data-code-hash';

const DATA_DIR = resolve(import.meta.dirname, 'data');
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.md': 'text/markdown',
};

const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );

/** Folder layers of the shipped manifest (paths ending in "/"), relative to data/. */
async function folderLayers(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(DATA_DIR, 'dataset.json'), 'utf8'));
  return (manifest.layers as { path: string }[]).map((l) => l.path).filter((p) => p.endsWith('/'));
}

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
          if (file.endsWith(`/${FOLDER_INDEX}`) && !(await exists(file))) {
            // Folder layers (one report per file): the index is generated, never committed.
            res.setHeader('Content-Type', 'application/json');
            res.end(folderIndexText(buildFolderIndex(await listFiles(dirname(file)))));
            return;
          }
          if (!(await stat(file)).isFile()) return next();
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.end(await readFile(file));
        } catch {
          next();
        }
      });
    },
    async writeBundle() {
      const out = join(outDir, 'data');
      await cp(DATA_DIR, out, { recursive: true });
      for (const dir of await folderLayers()) {
        const index = buildFolderIndex(await listFiles(join(DATA_DIR, dir)));
        await writeFile(join(out, dir, FOLDER_INDEX), folderIndexText(index));
      }
    },
  };
}

/**
 * Precompiled dataset (docs/compiled-data.md): after the data is copied into dist/, compiles
 * dist/data/dataset.json into dist/data/dataset.compiled.bin, from the very bytes the host will
 * serve. Runs alone, after every other writeBundle hook (sequential), so the copy is complete.
 */
function compiledDataset(): Plugin {
  let outDir = 'dist';
  return {
    name: 'compiled-dataset',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const manifest = join(outDir, 'data', 'dataset.json');
        const { bytes } = await compileLocal(manifest);
        if (bytes) await writeFile(compiledNameFor(manifest), bytes);
        else this.warn('the bundled manifest has errors: no compiled dataset written');
      },
    },
  };
}

/**
 * The dev server injects imported CSS as inline <style> elements, which the page's policy
 * (index.html) refuses; only in dev, allow inline styles. Built pages keep the strict policy.
 */
function devInlineStyles(): Plugin {
  return {
    name: 'dev-inline-styles',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
  };
}

export default defineConfig({
  // The path the app is served under, e.g. BASE_PATH=/conflict-map/ for a sub-folder. The
  // pages workflow passes configure-pages' base_path ("/repo", or "" for a user site): Vite
  // adds the missing trailing slash, and treats "" as relative, like the default.
  base: process.env.BASE_PATH ?? './',
  plugins: [preact(), datasetFiles(), compiledDataset(), devInlineStyles()],
  // Which data code made this app: a compiled dataset made by other code is not used.
  define: { __DATA_CODE_HASH__: JSON.stringify(await dataCodeHash()) },
  // ES module workers can share and split chunks (the topology rules load only when asked for).
  worker: { format: 'es' },
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
