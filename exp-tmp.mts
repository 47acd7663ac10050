import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startSession } from './tests/e2e/driver.ts';
import { writeSyntheticDataset } from './scripts/lib/synthetic.ts';
const work = await mkdtemp(join(tmpdir(), 'exp-'));
await writeSyntheticDataset(join(work, 'c'), { pins: Number(process.argv[2] ?? 1000), zoneVersions: Number(process.argv[3] ?? 30) });
const session = await startSession([['/bench-data/', work]]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [strategy, layers] of (process.argv[4] ?? 'filter:zones,places,reports;filter:zones;filter:places;filter:reports;filter:').split(';').map((s) => s.split(':'))) {
  const t0 = Date.now();
  const app = await openApp(session, `/?dataset=bench-data/c/dataset.json&time=${strategy}#l=${layers}`);
  const load = Date.now() - t0;
  const res = await app.page.evaluate(async () => {
    const hook = (window as any).conflictMap;
    const [start, end] = hook.store.getState().domain;
    const scrub: number[] = [], floor: number[] = [];
    for (let i = 0; i < 8; i++) {
      let a = performance.now(); let idle = hook.whenIdle(); await idle; floor.push(performance.now() - a);
      a = performance.now(); idle = hook.whenIdle(); hook.store.getState().setTime(start + ((i + 0.5) / 8) * (end - start)); await idle; scrub.push(performance.now() - a);
    }
    return { scrub, floor };
  });
  console.log(strategy, layers.padEnd(22), 'load', load, 'floor', median(res.floor).toFixed(0), 'scrub', median(res.scrub).toFixed(0));
  await app.page.close();
}
await session.close();
