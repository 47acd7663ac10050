/**
 * The GitHub workflows, parsed with a YAML parser: every `run:` is an npm command naming a
 * script package.json has (so .ci/run or any other CI runs the same commands), and each
 * workflow does what CONTRIBUTING.md and the README say it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const root = new URL('../../', import.meta.url);
const dir = new URL('.github/workflows/', root);
const scripts: Record<string, string> = JSON.parse(
  readFileSync(new URL('package.json', root), 'utf8'),
).scripts;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps?: Step[]; needs?: string; env?: Record<string, string> }>;
}

function load(file: string): Workflow {
  const doc = parseDocument(readFileSync(new URL(file, dir), 'utf8'));
  expect(doc.errors, file).toEqual([]);
  return doc.toJS() as Workflow;
}

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

/**
 * The npm script a command line runs, or what is wrong with it: `npm ci` installs, `npm test`
 * and `npm run [--silent] <script> [-- args] [>> file]` run a script.
 */
function scriptOf(line: string): { script: string | null } | { error: string } {
  if (/^npm ci( --[\w-]+)*$/.test(line)) return { script: null };
  const m = /^npm (?:test|run (?:--silent )?([\w:-]+))(?:\s|$)/.exec(line);
  if (!m) return { error: `not an npm script: ${line}` };
  return { script: m[1] ?? 'test' };
}

describe('scriptOf', () => {
  it('accepts npm ci, npm test and npm run, and nothing else', () => {
    expect(scriptOf('npm ci --no-audit')).toEqual({ script: null });
    expect(scriptOf('npm test')).toEqual({ script: 'test' });
    expect(scriptOf('npm run --silent data-diff -- HEAD^1 HEAD >> "$X"')).toEqual({
      script: 'data-diff',
    });
    expect(scriptOf('npx vite build')).toHaveProperty('error');
    expect(scriptOf('bash scripts/ensure-chromium.sh')).toHaveProperty('error');
  });
});

describe('.github/workflows', () => {
  it('holds the data pull-request and the pages workflows', () => {
    expect(files.sort()).toEqual(['data-pr.yml', 'pages.yml']);
  });

  it.each(files)('%s: every run: is an npm script that package.json has', (file) => {
    const runs = steps(load(file)).flatMap((s) => (s.run ?? '').split('\n'));
    const lines = runs.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const r = scriptOf(line);
      expect(r, line).not.toHaveProperty('error');
      if ('script' in r && r.script !== null)
        expect(Object.keys(scripts), line).toContain(r.script);
    }
  });

  it.each(files)('%s: actions are pinned to a major version at least', (file) => {
    for (const s of steps(load(file)).filter((x) => x.uses))
      expect(s.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('data-pr: on pull requests touching data/, annotates, summarises, builds and uploads the preview', () => {
    const w = load('data-pr.yml');
    expect(w.on.pull_request).toEqual({ paths: ['data/**'] });
    expect(w.permissions).toEqual({ contents: 'read' });
    const s = steps(w);
    const checkout = s.find((x) => x.uses?.startsWith('actions/checkout@'));
    // HEAD^1 (the base) must be fetched for data-diff.
    expect(checkout?.with?.['fetch-depth']).toBeGreaterThanOrEqual(2);
    const runs = s.map((x) => x.run ?? '');
    expect(runs).toContain('npm run validate -- --format github');
    const diff = s.find((x) => x.run?.includes('data-diff'));
    expect(diff?.run).toBe('npm run --silent data-diff -- HEAD^1 HEAD >> "$GITHUB_STEP_SUMMARY"');
    expect(diff?.if).toMatch(/!cancelled\(\)/);
    expect(runs).toContain('npm run build');
    const upload = s.find((x) => x.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
  });

  it('pages: on main, tests, builds under the repository path and deploys dist/', () => {
    const w = load('pages.yml');
    expect(w.on.push).toEqual({ branches: ['main'] });
    expect(w.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const s = steps(w);
    const runs = s.map((x) => x.run);
    expect(runs.indexOf('npm test')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run build'));
    const build = s.find((x) => x.run === 'npm run build');
    expect(build?.env?.BASE_PATH).toMatch(/^\$\{\{ steps\.pages\.outputs\.base_path \}\}$/);
    expect(s.find((x) => x.uses?.startsWith('actions/configure-pages@'))).toMatchObject({
      id: 'pages',
    });
    expect(s.find((x) => x.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe(
      'dist/',
    );
    expect(w.jobs.deploy.needs).toBe('build');
    expect(steps({ ...w, jobs: { deploy: w.jobs.deploy } }).map((x) => x.uses)).toEqual([
      'actions/deploy-pages@v4',
    ]);
  });
});
