/**
 * `npm run validate`: its output formats (the workflow-command escaping GitHub requires), its
 * arguments, and the CLI itself run in a fixture git repository: --changed, folders, --fix,
 * and exit codes (0 clean, 1 invalid data, 2 usage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFileText } from '../../../src/data/new-report';
import type { Problem } from '../../../src/data/problems';
import {
  escapeData,
  escapeProperty,
  formatSummary,
  githubAnnotation,
} from '../../../scripts/lib/problem-formats';
import { parseValidateArgs } from '../../../scripts/lib/validate-args';
import { type FixtureRepo, fixtureRepo } from './fixture-repo';

const problem: Problem = {
  severity: 'error',
  file: 'data/reports/2015/a,b:c.geojson',
  line: 12,
  column: 5,
  featureId: 'x',
  property: 'title',
  message: 'is 100% wrong:\r\nsee, here',
  fix: 'write a, b: c',
};

describe('the github format', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100%\r\n: ,')).toBe('100%25%0D%0A: ,');
    expect(escapeProperty('100%\r\n: ,')).toBe('100%25%0D%0A%3A %2C');
    // % first: an escape's own % must not be escaped twice.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes one workflow command per problem, located', () => {
    expect(githubAnnotation(problem)).toBe(
      '::error file=data/reports/2015/a%2Cb%3Ac.geojson,line=12,col=5,title=x title::is 100%25 wrong:%0D%0Asee, here — write a, b: c',
    );
    expect(
      githubAnnotation({ severity: 'warning', file: 'f', line: 1, column: 1, message: 'm' }),
    ).toBe('::warning file=f,line=1,col=1,title=data file::m');
  });

  it('ends with the summary line, as plain does', () => {
    const s = { files: 1, features: 0, errors: 1, warnings: 0, problems: [problem] };
    expect(formatSummary(s, 'github').split('\n')).toEqual([
      githubAnnotation(problem),
      '1 files, 0 features, 1 errors, 0 warnings',
    ]);
    expect(formatSummary(s, 'plain').split('\n')[0]).toMatch(
      /^error {4}data\/reports\/2015\/a,b:c\.geojson:12:5 {2}x {2}title: /,
    );
    expect(JSON.parse(formatSummary(s, 'json'))).toEqual(s);
  });
});

describe('parseValidateArgs', () => {
  const ok = (argv: string[]) => {
    const r = parseValidateArgs(argv);
    if (!r.ok) throw new Error(r.error);
    return r.args;
  };
  const error = (argv: string[]) => {
    const r = parseValidateArgs(argv);
    return r.ok ? null : r.error;
  };

  it('takes --format in both spellings, with --json as json; plain by default', () => {
    expect(ok([]).format).toBe('plain');
    expect(ok(['--format', 'github']).format).toBe('github');
    expect(ok(['--format=json']).format).toBe('json');
    expect(ok(['--json']).format).toBe('json');
    expect(ok(['--changed', 'origin/main', '--fix'])).toEqual({
      format: 'plain',
      fix: true,
      changed: 'origin/main',
      paths: [],
    });
    expect(ok(['data/reports', 'a.geojson']).paths).toEqual(['data/reports', 'a.geojson']);
  });

  it('says what is wrong with a bad call', () => {
    expect(error(['--format', 'xml'])).toMatch(/use one of plain, json, github/);
    expect(error(['--format'])).toMatch(/needs one of/);
    expect(error(['--changed'])).toMatch(/needs a git ref/);
    expect(error(['--changed', 'main', 'a.geojson'])).toMatch(/name no files/);
    expect(error(['--strict'])).toMatch(/unknown option --strict/);
  });
});

// Each case starts the CLI (tsx) once or more: seconds each on a busy machine.
describe('npm run validate in a repository', { timeout: 60_000 }, () => {
  let repo: FixtureRepo;
  const newPin = (title: string, extra: Partial<Parameters<typeof reportFileText>[0]> = {}) =>
    reportFileText({
      lon: 37.05139,
      lat: 36.11777,
      place: 'khan-tuman',
      reported_at: '2015-11-14T09:00:00Z',
      title,
      text: 'Rebels said they repelled an attack.',
      lang: 'en',
      source_url: 'https://example.org/khan-tuman-attack',
      status: 'claimed',
      category: 'armed-clash',
      ...extra,
    });

  beforeAll(async () => {
    repo = await fixtureRepo();
  }, 60_000);
  afterAll(() => repo.remove());

  it('passes the clean dataset (exit 0) in every format', async () => {
    const plain = await repo.cli('validate', []);
    expect(plain).toMatchObject({ code: 0 });
    expect(plain.stdout).toContain('0 errors, 0 warnings');
    const json = await repo.cli('validate', ['--format', 'json']);
    const alias = await repo.cli('validate', ['--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ errors: 0, problems: [] });
    expect(alias.stdout).toBe(json.stdout);
  });

  it('--changed checks only the changed files, in the context of the whole dataset', async () => {
    const good = newPin('Rebels repel an attack on Khan Tuman');
    // A copy of an existing report: valid on its own, but its id is taken in another file.
    const copy = await repo.read('data/reports/2015/2015-11-02-early.geojson');
    const bad = newPin('Attack on Khan Tuman', { post: 'no-such-post' });
    await repo.commitBranch('pins', 'main', async () => {
      await repo.write(`data/${good.path}`, good.text);
      await repo.write('data/reports/2015/2015-11-03-copy.geojson', copy);
    });
    // Not committed yet, not even added: a translator's working tree before the commit.
    await repo.write(`data/${bad.path}`, bad.text);

    const r = await repo.cli('validate', ['--changed', 'main']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--changed main: 3 changed data files');
    expect(r.stdout).toContain('3 files, 1 features, 2 errors');
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('error'));
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error {4}data\/reports\/2015\/2015-11-03-copy\.geojson:3:2 {2}2015-11-02-early {2}id: is also used in reports\/2015\/2015-11-02-early\.geojson/,
        ),
        expect.stringMatching(
          new RegExp(
            `^error {4}data/${bad.path}:\\d+:\\d+ {2}${bad.id} {2}post: names post "no-such-post"`,
          ),
        ),
      ]),
    );
    // The same run as annotations.
    const gh = await repo.cli('validate', ['--changed', 'main', '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain(
      '::error file=data/reports/2015/2015-11-03-copy.geojson,line=3,col=2,title=2015-11-02-early id::is also used in reports/2015/2015-11-02-early.geojson',
    );

    await repo.git('checkout', '-q', '--', '.');
    await repo.git('clean', '-q', '-f');
    await repo.git('rm', '-q', 'data/reports/2015/2015-11-03-copy.geojson');
    const clean = await repo.cli('validate', ['--changed', 'main']);
    expect(clean.stdout).toContain('--changed main: 1 changed data file\n');
    expect(clean.code).toBe(0);
    await repo.git('checkout', '-q', '-f', 'main');
  });

  it('--changed checks every file when the posts file changed, since any report may name a post', async () => {
    await repo.commitBranch('posts', 'main', () =>
      repo.editJson('data/posts.json', (v: { posts: unknown[] }) => {
        v.posts.pop();
      }),
    );
    const r = await repo.cli('validate', ['--changed', 'main']);
    expect(r.stdout).toContain('the manifest or posts file changed, so every file is checked');
    expect(r.stdout).toMatch(/2015-11-02-early {2}post: names post "early"/);
    expect(r.code).toBe(1);
    await repo.git('checkout', '-q', 'main');
  });

  it('a folder argument means every data file below it, also with --fix', async () => {
    const path = 'data/reports/2015/2015-11-02-early.geojson';
    const canonical = await repo.read(path);
    await repo.write(path, JSON.stringify(JSON.parse(canonical)));
    const fixed = await repo.cli('validate', ['--fix', 'data/reports']);
    expect(fixed.stderr).not.toMatch(/EISDIR/);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`fixed    ${path}`);
    expect(fixed.stdout).toContain('2 files, 2 features, 0 errors');
    expect(JSON.parse(await repo.read(path))).toEqual(JSON.parse(canonical));
    const all = await repo.cli('validate', ['data']);
    // The layer files, the posts file and the reports; not the manifest or anything else.
    expect(all.stdout).toContain('5 files, 9 features, 0 errors');
    await repo.git('checkout', '-q', '--', '.');
  });

  it('exits 2 on a usage error, with what is wrong and the usage', async () => {
    for (const args of [
      ['--changed', 'no-such-ref'],
      ['--format', 'sarif'],
      ['data/no-such-file.geojson'],
      ['--bogus'],
    ]) {
      const r = await repo.cli('validate', args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^validate: .+\nusage: npm run validate/);
    }
  });
});
