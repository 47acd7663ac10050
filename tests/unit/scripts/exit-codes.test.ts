/**
 * Exit codes mean one thing in every CLI (scripts/lib/cli-args.ts): 0 done, 1 invalid input,
 * 2 a command line the script cannot run, with the usage on stderr. Every script in scripts/
 * is run with an unknown option and must exit 2 before touching a file; `npm run new-report`
 * is run on a copy of tests/fixtures/mini to see what it writes and what it never writes.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { loadDataset } from '../../../src/data/load/load';
import { readLocal } from '../read-local';

const PROJECT = new URL('../../../', import.meta.url).pathname;
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const exec = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function run(script: string, args: string[], cwd = PROJECT): Promise<Run> {
  try {
    const r = await exec(TSX, [join(PROJECT, 'scripts', script), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, ...r };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** Every file below `dir` with its size and modification time, to see that nothing changed. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const s = await stat(path);
    out[relative(dir, path)] = `${s.size}@${s.mtimeMs}`;
  }
  return out;
}

describe('every CLI refuses an unknown option', () => {
  it('with exit 2, its name and usage on stderr, and no file written in data/ or docs/', async () => {
    const scripts = (await readdir(join(PROJECT, 'scripts'))).filter((f) => f.endsWith('.ts'));
    // A script that does not check its arguments would run for real here (and might rewrite
    // data/): refuse to start it, and name it.
    const unguarded: string[] = [];
    for (const s of scripts) {
      const src = await readFile(join(PROJECT, 'scripts', s), 'utf8');
      if (!/from '\.\/lib\/cli-args'|process\.exit\(2\)/.test(src)) unguarded.push(s);
    }
    expect(unguarded, 'scripts that never exit 2 on a bad command line').toEqual([]);
    const watched = ['data', 'docs'];
    const before = await Promise.all(watched.map((d) => tree(join(PROJECT, d))));
    const results: Record<string, Run> = {};
    // Two at a time: each starts tsx, and the machine has two cores.
    for (let i = 0; i < scripts.length; i += 2)
      await Promise.all(
        scripts.slice(i, i + 2).map(async (s) => {
          results[s] = await run(s, ['--bogus']);
        }),
      );
    for (const [script, r] of Object.entries(results)) {
      expect(r.code, `${script}: ${r.stderr}`).toBe(2);
      expect(r.stderr, script).toMatch(/^[\w:-]+: .*--bogus.*\n(.*\n)*usage: /);
      expect(r.stderr, script).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
    }
    expect(await Promise.all(watched.map((d) => tree(join(PROJECT, d))))).toEqual(before);
  }, 180_000);
});

describe('npm run new-report on a copy of the mini fixture', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'new-report-'));
    await cp(join(PROJECT, 'tests/fixtures/mini'), dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const args = (over: Record<string, string | null> = {}) => {
    const flags: Record<string, string | null> = {
      dataset: join(dir, 'dataset.json'),
      place: 'al-hader',
      time: '2015-11-12T13:00:00Z',
      title: 'Army says it holds al-Hader',
      text: 'The army said it holds the town.',
      lang: 'en',
      source: 'https://example.org/hader',
      status: 'claimed',
      category: 'government-regains-territory',
      post: 'reuters-2015-11-12',
      ...over,
    };
    return [
      ...Object.entries(flags).flatMap(([k, v]) => (v === null ? [] : [`--${k}`, v])),
      '--yes',
    ];
  };
  const written = 'reports/2015/2015-11-12-army-says-it-holds-al-hader.geojson';

  it('refuses an unknown option (2), a missing answer with no terminal (2), and writes nothing', async () => {
    const before = await tree(dir);
    const bogus = await run('new-report.ts', ['--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^new-report: Unknown option '--bogus'/);
    expect(bogus.stderr).toMatch(/\nusage: npm run new-report -- /);
    const missing = await run('new-report.ts', args({ title: null }));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^new-report: missing --title \(no terminal to ask in\)/);
    expect(await tree(dir)).toEqual(before);
  }, 60_000);

  it('refuses invalid input (1): an unknown place, a time without a zone, a dataset that does not load; writes nothing', async () => {
    const before = await tree(dir);
    const place = await run('new-report.ts', args({ place: 'nowhere' }));
    expect(place.code).toBe(1);
    expect(place.stderr).toMatch(/^new-report: no place "nowhere" in the dataset; known: al-hader/);
    const time = await run('new-report.ts', args({ time: '12 Nov 2015' }));
    expect(time.code).toBe(1);
    expect(time.stderr).toMatch(/reported_at: is not an ISO 8601 time with a zone/);
    expect(time.stderr).toMatch(/new-report: not written/);
    const dataset = await run('new-report.ts', args({ dataset: join(dir, 'missing.json') }));
    expect(dataset.code).toBe(1);
    expect(dataset.stderr).toMatch(/^new-report: cannot load .*missing\.json/);
    expect(await tree(dir)).toEqual(before);
  }, 90_000);

  it('writes exactly one valid file for good answers (0), and refuses to overwrite it (1)', async () => {
    const before = await tree(dir);
    const ok = await run('new-report.ts', args());
    expect(ok.code, ok.stderr).toBe(0);
    const after = await tree(dir);
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([written]);
    const text = await readFile(join(dir, written), 'utf8');
    const { dataset } = await loadDataset(
      `file://${join(dir, 'dataset.json')}`,
      readLocal,
      undefined,
      { topology: false },
    );
    if (!dataset) throw new Error('the fixture did not load');
    const checked = validateLayerText(
      'reports',
      text,
      written,
      contextOf(dataset.manifest, dataset.posts),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.features[0].properties).toMatchObject({
      place: 'al-hader',
      status: 'claimed',
      category: 'government-regains-territory',
      reported_at: '2015-11-12T13:00:00Z',
    });
    expect(checked.features[0].geometry.coordinates).toEqual([37.05086, 35.99024]);

    const again = await run('new-report.ts', args({ text: 'Another text.' }));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    expect(await readFile(join(dir, written), 'utf8')).toBe(text);
  }, 60_000);
});
