/**
 * The benchmark's load section (`npm run bench -- --load`, issue 13): a generated year of
 * real-shaped daily control MultiPolygons (synthetic-real-zones.ts, ~24 MB in one zones file)
 * opened by the app with `?dataset=` and by a bare MapLibre page (scripts/bench-pages/) that
 * loads the same file into one GeoJSON source with a global-state validity filter. For each, in
 * the same run: time from navigation to the zones drawn (the app: its map open with the newest
 * zones, `mapReady`, then the next map idle; the bare page: its first idle with the zones source
 * loaded and drawn), and to every day in (the app: its `ready` signal, everything loaded, then
 * the next idle; the bare page has every day once drawn), every main-thread long task until
 * then (PerformanceObserver 'longtask', buffered), and the progress lines the page showed.
 * Prints ratios; asserts nothing.
 */
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Session } from '../../tests/e2e/driver';
import { writeRealZonesDataset } from './synthetic-real-zones';

export interface LoadRun {
  /** before: another build of the app (`--before-dist`), mounted at /before/. */
  page: 'ours' | 'bare' | 'before';
  /** Navigation to the zones at the opening time drawn, ms. */
  drawnMs: number;
  /** Navigation to every day loaded and drawn (scrubbing works on all of them), ms. */
  readyMs: number;
  /** Every main-thread task over 50 ms until then: [start ms, duration ms]. */
  tasks: [number, number][];
  longestTaskMs: number;
  tasksOver100: number;
  /** The progress lines seen ([role=status] text), with when (ms). */
  progress: [number, string][];
}

/** Runs in the page before any of its scripts: long tasks, progress lines, the app's ready. */
function instrument() {
  type Probe = {
    tasks: [number, number][];
    progress: [number, string][];
    readyAt?: number;
    doneAt?: number;
    drawnAt?: number;
  };
  const probe: Probe = { tasks: [], progress: [] };
  (window as unknown as { __load: Probe }).__load = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    for (const el of document.querySelectorAll('[role=status]')) {
      const text = el.textContent ?? '';
      if (text && probe.progress.at(-1)?.[1] !== text)
        probe.progress.push([performance.now(), text]);
    }
  };
  new MutationObserver(seen).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  // The app's automation hook (src/automation.ts): note when it is ready, then the next idle.
  type Hook = { ready: Promise<void>; mapReady: Promise<void>; whenIdle(): Promise<void> };
  let hook: Hook | undefined;
  Object.defineProperty(window, 'conflictMap', {
    configurable: true,
    get: () => hook,
    set(v: Hook) {
      hook = v;
      v.mapReady
        .then(() => v.whenIdle())
        .then(() => {
          probe.drawnAt = performance.now();
        });
      v.ready
        .then(() => {
          probe.readyAt = performance.now();
          return v.whenIdle();
        })
        .then(() => {
          probe.doneAt = performance.now();
        });
    },
  });
}

async function measure(session: Session, page: LoadRun['page'], path: string): Promise<LoadRun> {
  const p = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx (esbuild) wraps named functions in `__name(...)`, which the page lacks: define it.
  await p.addInitScript({ content: `var __name = (f) => f; (${instrument})();` });
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(session.server.origin + path);
  const readyMs =
    page !== 'bare'
      ? await p
          .waitForFunction(
            () => (window as never as { __load: { doneAt?: number } }).__load.doneAt,
            undefined,
            {
              timeout: 180_000,
              polling: 100,
            },
          )
          .then((h) => h.jsonValue() as Promise<number>)
      : await p.evaluate(() => (window as never as { bareLoad: Promise<number> }).bareLoad);
  if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
  const probe = await p.evaluate(
    () =>
      (
        window as never as {
          __load: { tasks: [number, number][]; progress: [number, string][]; drawnAt?: number };
        }
      ).__load,
  );
  await p.close();
  const tasks = probe.tasks.filter(([start]) => start < readyMs);
  return {
    page,
    drawnMs: page === 'bare' ? readyMs : (probe.drawnAt ?? readyMs),
    readyMs,
    tasks,
    longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
    tasksOver100: tasks.filter(([, d]) => d > 100).length,
    progress: probe.progress,
  };
}

/**
 * Builds the bare page into `work`, writes the dataset there (served at /bench-data/), and
 * measures bare, ours (and, with `before`, the build mounted at /before/) `runs` times each,
 * in turn.
 */
export async function benchLoad(session: Session, work: string, runs = 1, before = false) {
  const root = resolve(import.meta.dirname, '../..');
  await build({
    configFile: false,
    root: join(root, 'scripts/bench-pages'),
    base: './',
    logLevel: 'error',
    build: {
      outDir: join(work, 'bare'),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(root, 'scripts/bench-pages/bare-load.html') },
    },
  });
  await writeRealZonesDataset(join(work, 'real'));
  const out: LoadRun[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(
      await measure(
        session,
        'bare',
        '/bench-data/bare/bare-load.html?dataset=../real/dataset.json',
      ),
    );
    out.push(await measure(session, 'ours', '/?dataset=bench-data/real/dataset.json'));
    if (before)
      out.push(
        await measure(session, 'before', '/before/?dataset=../bench-data/real/dataset.json'),
      );
  }
  return out;
}

/** The table: each ours (and before) against the bare run before it. */
export function printLoad(runs: LoadRun[]) {
  const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
  console.log(
    '\nload: a year of real-shaped daily zones (365 MultiPolygons, ~24 MB), navigation to the zones drawn | to every day in',
  );
  let bare: LoadRun | undefined;
  for (const r of runs) {
    const tasks = `longest task ${r.longestTaskMs.toFixed(0)} ms, ${r.tasksOver100} over 100 ms`;
    if (r.page === 'bare') {
      bare = r;
      console.log(
        `bare   drawn ${ms(r.drawnMs)}              | all ${ms(r.readyMs)}             | ${tasks}`,
      );
      continue;
    }
    const ratio = (n: number, of?: number) => (of ? (n / of).toFixed(2) : '-');
    console.log(
      `${r.page.padEnd(6)} drawn ${ms(r.drawnMs)} /bare ${ratio(r.drawnMs, bare?.drawnMs)} | all ${ms(r.readyMs)} /bare ${ratio(r.readyMs, bare?.readyMs)} | ${tasks}`,
    );
    console.log(
      `  progress: ${r.progress.map(([t, s]) => `${ms(t)} "${s}"`).join(', ') || '(none)'}`,
    );
  }
}
