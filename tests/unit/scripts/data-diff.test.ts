/**
 * `npm run data-diff` on a fixture history: a real git repository in a temp folder with three
 * pull requests off main — one adds a pin, one moves a control date (and the zones with it),
 * one breaks a file — read through git while the working tree says something else.
 */
import area from '@turf/area';
import { polygon } from '@turf/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md } from '../../../scripts/lib/data-diff-markdown';
import { reportFileText } from '../../../src/data/new-report';
import type { Place, Zone } from '../../../src/data/types';
import { type FixtureRepo, fixtureRepo } from './fixture-repo';

type Collection<F> = { features: F[] };
const pin = reportFileText({
  lon: 37.05139,
  lat: 36.11777,
  place: 'khan-tuman',
  reported_at: '2015-11-14T09:00:00Z',
  title: 'Rebels say they repelled an attack on Khan Tuman',
  text: 'Rebel spokesmen said an attack from the south was repelled.',
  lang: 'en',
  source_url: 'https://www.example.org/khan-tuman-attack',
  status: 'claimed',
  category: 'armed-clash',
  source_name: 'Example News',
});
/** The square the government takes in the fixture (zone-regime-20151112), in km². */
const squareKm2 =
  area(
    polygon([
      [
        [37.0, 35.95],
        [37.1, 35.95],
        [37.1, 36.05],
        [37.0, 36.05],
        [37.0, 35.95],
      ],
    ]),
  ) / 1e6;
const km2 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

// Each case starts the CLI (tsx): seconds each on a busy machine.
describe('npm run data-diff on a fixture history', { timeout: 60_000 }, () => {
  let repo: FixtureRepo;

  beforeAll(async () => {
    repo = await fixtureRepo();
    await repo.commitBranch('add-pin', 'main', () => repo.write(`data/${pin.path}`, pin.text));
    await repo.commitBranch('move-date', 'main', async () => {
      await repo.editJson('data/layers/places.geojson', (v: Collection<Place>) => {
        const entry = v.features[0].properties.control[1];
        entry.from = '2015-11-10T00:00:00Z';
        entry.source = 'SOHR, 10 Nov 2015: https://www.syriahr.com/en/?p=36000';
      });
      // As npm run derive-zones would: the change of hands moves, and the versions' ids with it.
      await repo.editJson('data/layers/zones.geojson', (v: Collection<Zone>) => {
        const [before, rebel, regime] = v.features;
        before.properties.valid_to = '2015-11-10T00:00:00Z';
        for (const z of [rebel, regime]) {
          z.properties.valid_from = '2015-11-10T00:00:00Z';
          z.id = z.id.replace('20151112', '20151110');
        }
      });
    });
    await repo.commitBranch('break-file', 'main', async () => {
      const path = 'data/reports/2015/2015-11-02-early.geojson';
      await repo.write(path, (await repo.read(path)).replace('"lang": "en",', '"lang": "en",,'));
    });
    await repo.git('checkout', '-q', 'main');
    // The working tree says something else entirely: the diff must read git, not the disk.
    await repo.write('data/layers/places.geojson', '{"type": "FeatureCollection", "features": [');
    await repo.write('data/reports/2015/2015-11-20-uncommitted.geojson', pin.text);
  }, 60_000);
  afterAll(() => repo.remove());

  it('a PR that adds a pin: one report added, with its title, time, place, status, category and source', async () => {
    const r = await repo.cli('data-diff', ['main', 'add-pin']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^## Data changes: `main \([0-9a-f]{7}\)` → `add-pin \([0-9a-f]{7}\)`/,
    );
    expect(r.stdout).toContain(
      '**Reports:** 1 added, 0 changed, 0 removed · **Control changes:** 0 · **Zone area:** 0 periods differ · **Validation:** ✅ no errors',
    );
    expect(r.stdout).toContain(
      '| Rebels say they repelled an attack on Khan Tuman | 2015-11-14 09:00 UTC | khan-tuman | claimed | Armed clash | Example News (www.example.org) |',
    );
    expect(r.stdout).not.toContain('### Control changes');
    expect(r.stdout).not.toContain('uncommitted');
  });

  it('a PR that moves a control date: the entry altered, from → to, its source, and the km² per faction that moved', async () => {
    const r = await repo.cli('data-diff', ['main', 'move-date']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Reports:** 0 added, 0 changed, 0 removed');
    expect(r.stdout).toContain(
      '| al-Hader (al-hader) | 2015-11-10 00:00 UTC (was 2015-11-12 12:00 UTC) | Syrian opposition → Syrian government and allies | syriahr.com (was reuters.com) | altered |',
    );
    const area = (faction: string, before: number, after: number, change: string) =>
      `| 2015-11-10 00:00 UTC | 2015-11-12 12:00 UTC | ${faction} | ${km2(before)} | ${km2(after)} | ${change} |`;
    expect(r.stdout).toContain(
      area('Syrian government and allies', 0, squareKm2, `+${km2(squareKm2)}`),
    );
    const rebelRow = r.stdout.split('\n').find((l) => l.includes('| Syrian opposition |'));
    expect(rebelRow).toMatch(
      new RegExp(
        `^\\| 2015-11-10 00:00 UTC \\| 2015-11-12 12:00 UTC \\| Syrian opposition \\| [\\d,.]+ \\| [\\d,.]+ \\| −${km2(squareKm2)} \\|$`,
      ),
    );
    expect(r.stdout).toContain(
      'Zone versions added: `zone-rebel-20151110`, `zone-regime-20151110`; removed: `zone-rebel-20151112`, `zone-regime-20151112`; changed: `zone-rebel-20151101`.',
    );
  });

  it('a PR that breaks a file: the validator fails it (exit 1) and says where; the report is marked, not silently gone', async () => {
    const r = await repo.cli('data-diff', ['main', 'break-file']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('**Validation:** ❌ 1 error, 0 warnings');
    expect(r.stdout).toMatch(
      /\| ❌ \| data\/reports\/2015\/2015-11-02-early\.geojson:\d+:\d+ \| — \| is not valid JSON: /,
    );
    expect(r.stdout).toContain('### Reports removed (1)');
    expect(r.stdout).toContain(
      '| Shelling reported near al-Hader ⚠️ still there, but its file has errors |',
    );
  });

  it('exits 2 on a usage error', async () => {
    for (const args of [[], ['no-such-ref'], ['main', 'add-pin', 'extra'], ['main', '--bogus']]) {
      const r = await repo.cli('data-diff', args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^data-diff: .+\nusage: npm run data-diff/);
    }
  });
});

describe('md', () => {
  it('keeps contributed text from becoming markup, a table break, HTML or a mention', () => {
    expect(md('a | b\n[x](javascript:y) <img src=x> @team *b* `c`')).toBe(
      'a \\| b \\[x\\](javascript:y) &lt;img src=x&gt; &#64;team \\*b\\* \\`c\\`',
    );
  });
});
