/**
 * A real git repository in a temporary folder, holding tests/fixtures/forge as its data/, for
 * the CLIs that read git (validate --changed, data-diff): commit it on main, branch off to play
 * a pull request, and run a CLI in it as CI would.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const PROJECT = new URL('../../../', import.meta.url).pathname;
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.org',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FixtureRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  /** Runs `scripts/<script>.ts` of this project with the repository as the working folder. */
  cli(script: string, args: string[]): Promise<CliResult>;
  read(path: string): Promise<string>;
  write(path: string, text: string): Promise<void>;
  /** Edits a JSON file in place. */
  editJson(path: string, edit: (value: never) => void): Promise<void>;
  /** Commits everything on a new branch off `from`; returns the commit. */
  commitBranch(name: string, from: string, change: () => Promise<void>): Promise<string>;
  remove(): Promise<void>;
}

export async function fixtureRepo(): Promise<FixtureRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'forge-'));
  const git = async (...args: string[]) =>
    (await exec('git', args, { cwd: dir, env: GIT_ENV })).stdout;
  await cp(join(PROJECT, 'tests/fixtures/forge'), join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'README.md'), 'A fixture repository.\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'The fixture dataset');
  const repo: FixtureRepo = {
    dir,
    git,
    cli: (script, args) =>
      exec(TSX, [join(PROJECT, 'scripts', `${script}.ts`), ...args], {
        cwd: dir,
        env: GIT_ENV,
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
      ),
    read: (path) => readFile(join(dir, path), 'utf8'),
    write: (path, text) => writeFile(join(dir, path), text),
    async editJson(path, edit) {
      const value = JSON.parse(await repo.read(path));
      edit(value as never);
      await repo.write(path, `${JSON.stringify(value, null, 1)}\n`);
    },
    async commitBranch(name, from, change) {
      await git('checkout', '-q', '-b', name, from);
      await change();
      await git('add', '-A');
      await git('commit', '-q', '-m', name);
      return (await git('rev-parse', 'HEAD')).trim();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  return repo;
}
