import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import preact from '@preact/preset-vite';
import MagicString from 'magic-string';
import { defineConfig, type Plugin } from 'vite';
import { listFiles } from './scripts/lib/read-local';
import { compiledNameFor } from './src/data/compiled/format';
import { buildFolderIndex, FOLDER_INDEX, folderIndexText } from './src/data/load/folder-index';
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

/**
 * Every message id (the English catalogs' keys, src/i18n/locales/en/*.json) with a short id
 * for the build: base 36 of its place in the sorted list, the same in the catalogs and the code.
 */
function shortMessageIds(): Map<string, string> {
  const dir = resolve(import.meta.dirname, 'src/i18n/locales/en');
  const keys = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => Object.keys(JSON.parse(readFileSync(join(dir, f), 'utf8'))))
    .sort();
  return new Map(keys.map((k, i) => [k, i.toString(36)]));
}

const CATALOG = /[\\/]src[\\/]i18n[\\/]locales[\\/][a-z-]+[\\/][a-z-]+\.json$/;
const APP_SOURCE = /[\\/]src[\\/].*\.tsx?$/;

/**
 * The interface's message catalogs (src/i18n/locales/<lang>/<part>.json, ICU MessageFormat), as
 * Lingui's own build would ship them: compiled when the app imports them, so the runtime needs
 * no message parser (its production build has none), and with short ids: every id written as a
 * literal in the app's source ('compare.title') becomes its short form in the code and the
 * catalogs alike, as Lingui's tooling does with hashed ids. That keeps the translated start
 * JavaScript within its budget (tests/e2e/app.test.ts); ids are never assembled at run time
 * (src/i18n/labels.ts). Vitest runs without this plugin: there @lingui/core compiles messages
 * itself, as it does outside production builds, and the ids stay whole.
 */
function linguiCatalogs(): Plugin {
  const ids = shortMessageIds();
  const literal = /'([a-zA-Z][\w-]*\.[\w.-]+)'/g;
  return {
    name: 'lingui-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (CATALOG.test(id)) {
        const source = JSON.parse(code) as Record<string, string>;
        const compiled = Object.fromEntries(
          Object.entries(source).map(([k, v]) => [ids.get(k) ?? k, compileMessage(v)]),
        );
        return { code: JSON.stringify(compiled), map: null };
      }
      if (!APP_SOURCE.test(id) || id.includes('node_modules')) return null;
      const out = new MagicString(code);
      for (const m of code.matchAll(literal)) {
        const short = ids.get(m[1]);
        if (short) out.overwrite(m.index + 1, m.index + 1 + m[1].length, short);
      }
      return out.hasChanged()
        ? { code: out.toString(), map: out.generateMap({ hires: true }) }
        : null;
    },
  };
}

/**
 * Shaders are GLSL in template strings (src/map/pin-layer.ts, zone-layer.ts), written with
 * comments and indentation for readers; the build drops both, as it minifies the JavaScript
 * around them (the start JavaScript has a budget: tests/e2e/app.test.ts). Only lines inside a
 * template that starts with `#version`; `${…}` parts are kept as written.
 */
function minifyShaders(): Plugin {
  const shader = /`#version 300 es\n[^`]*`/g;
  return {
    name: 'minify-shaders',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/]map[\\/][\w-]+\.ts$/.test(id) || !code.includes('`#version')) return null;
      const out = new MagicString(code);
      for (const m of code.matchAll(shader)) {
        const lines = m[0].slice(1, -1).split('\n');
        const kept = lines.map((l) => l.replace(/\/\/.*$/, '').trim()).filter(Boolean);
        out.overwrite(m.index, m.index + m[0].length, `\`${kept.join('\n')}\``);
      }
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}

export default defineConfig({
  // The path the app is served under, e.g. BASE_PATH=/conflict-map/ for a sub-folder. The
  // pages workflow passes configure-pages' base_path ("/repo", or "" for a user site): Vite
  // adds the missing trailing slash, and treats "" as relative, like the default.
  base: process.env.BASE_PATH ?? './',
  plugins: [
    linguiCatalogs(),
    minifyShaders(),
    preact(),
    datasetFiles(),
    compiledDataset(),
    devInlineStyles(),
  ],
  // Which data code made this app: a compiled dataset made by other code is not used.
  define: { __DATA_CODE_HASH__: JSON.stringify(await dataCodeHash()) },
  // ES module workers can share and split chunks (the topology rules load only when asked for).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // Every browser the map runs in (WebGL 2, ES2022) preloads modules itself: no polyfill in the
    // start JavaScript, whose budget the translated interface needs (tests/e2e/app.test.ts).
    modulePreload: { polyfill: false },
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
