/**
 * `npm run bench:pair -- [--pins 1000] [--versions 30] [--strategies tiled,gpu] [--steps 16]
 *   [--hide ".feed"]`
 *
 * Side by side in one browser: opens the built app once per strategy on the same synthetic
 * dataset and alternates between the pages, one frame each, first plain repaints (the floor),
 * then time steps. Whatever else the machine does then weighs on every page alike, which a run
 * of separate page loads (`npm run bench`) cannot promise on a shared VM. `--hide` adds CSS
 * `visibility: hidden` to a selector in every page, to see what a part of the page costs.
 * Prints medians and ratios; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WithAutomation } from '../src/automation';
import { type AppPage, openApp, startSession } from '../tests/e2e/driver';
import { parseCliArgs } from './lib/cli-args';
import { writeSyntheticDataset } from './lib/synthetic';

const USAGE =
  'usage: npm run bench:pair -- [--pins 1000] [--versions 30] [--strategies tiled,gpu] [--steps 16] [--hide ".feed"] [--no-build]';
const opts = parseCliArgs('bench:pair', USAGE, {
  pins: { type: 'string', default: '1000' },
  versions: { type: 'string', default: '30' },
  strategies: { type: 'string', default: 'tiled,gpu' },
  steps: { type: 'string', default: '16' },
  hide: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
});
const pins = Number(opts.pins);
const zoneVersions = Number(opts.versions);
const steps = Number(opts.steps);
if (!(pins > 0 && zoneVersions > 0 && steps > 0)) {
  console.error('bench:pair: --pins, --versions and --steps must be positive numbers');
  process.exit(2);
}
const strategies = opts.strategies.split(',');
const root = resolve(import.meta.dirname, '..');
if (!opts['no-build'])
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });

const work = await mkdtemp(join(tmpdir(), 'conflict-map-pair-'));
await writeSyntheticDataset(join(work, 'c'), { pins, zoneVersions });
const session = await startSession([['/bench-data/', work]]);
const apps: AppPage[] = [];
for (const s of strategies) {
  const app = await openApp(session, `/?dataset=bench-data/c/dataset.json&time=${s}`);
  if (opts.hide) await app.page.addStyleTag({ content: `${opts.hide}{visibility:hidden}` });
  apps.push(app);
}

/** One frame in a page: a repaint, or step i of a scrub through the middle of the range. */
const frame = (page: AppPage['page'], mode: 'floor' | 'scrub', i: number) =>
  page.evaluate(
    async ({ mode, i, n }) => {
      const hook = (window as unknown as WithAutomation).conflictMap;
      const [start, end] = hook.store.getState().domain;
      const a = performance.now();
      const idle = hook.whenIdle();
      if (mode === 'scrub')
        hook.store.getState().setTime(start + (end - start) * (0.5 + (i - n / 2) / 240));
      await idle;
      return performance.now() - a;
    },
    { mode, i, n: steps },
  );

const times = strategies.map(() => ({ floor: [] as number[], scrub: [] as number[] }));
for (const mode of ['floor', 'scrub'] as const)
  for (let i = -2; i < steps; i++)
    for (const [k, app] of apps.entries()) {
      const ms = await frame(app.page, mode, i);
      if (i >= 0) times[k][mode].push(ms);
    }
await session.close();
await rm(work, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${pins} pins, ${zoneVersions} zone versions, ${steps} frames each (median ms)`);
for (const [k, s] of strategies.entries()) {
  const floor = median(times[k].floor);
  const scrub = median(times[k].scrub);
  console.log(
    `${s.padEnd(10)} floor ${floor.toFixed(0).padStart(6)}  scrub ${scrub.toFixed(0).padStart(6)}  scrub/floor ${(scrub / floor).toFixed(2)}`,
  );
}
