/**
 * The git the CLIs need: which files changed since a ref (`validate --changed`), and reading a
 * commit's files without touching the working tree (`data-diff`), so both work in CI on a pull
 * request's merge commit. Paths are relative to the repository's top level, with "/".
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A ref that names no commit, or a folder outside a repository: the caller's mistake. */
export class GitUsageError extends Error {}

/** Runs git in `cwd`; returns its stdout. Large outputs (a big tree listing) are allowed. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** The repository's top-level folder, or a GitUsageError outside one. */
export async function repoRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new GitUsageError(`${cwd} is not inside a git repository`);
  }
}

/** The full hash of the commit `ref` names, or a GitUsageError saying how to get it. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitUsageError(
      `"${ref}" names no commit here (fetch it first, e.g. git fetch origin main, then use origin/main)`,
    );
  }
}

const split0 = (out: string) => out.split('\0').filter(Boolean);

/**
 * Files added, changed or renamed since `base` (from where the current branch left it, when
 * git can tell), committed or not, plus untracked files that are not ignored: what a pull
 * request from this working tree would change. Deleted files are not listed.
 */
export async function changedSince(root: string, base: string): Promise<string[]> {
  const commit = await resolveCommit(root, base);
  // The merge base, so that commits on the base branch since the fork are not "changes";
  // a shallow clone may not know it, and then the base itself is used.
  const from = await git(root, ['merge-base', commit, 'HEAD']).then(
    (s) => s.trim(),
    () => commit,
  );
  const tracked = await git(root, ['diff', '--name-only', '-z', '--diff-filter=ACMRT', from, '--']);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  return [...new Set([...split0(tracked), ...split0(untracked)])].sort();
}

/** Every file path in `rev` below `folder` (a path ending in "/"), relative to the top level. */
export async function listTree(root: string, rev: string, folder: string): Promise<string[]> {
  return split0(await git(root, ['ls-tree', '-r', '-z', '--name-only', rev, '--', folder]));
}

/** Files changed between two commits, with git's status letter (A, M, D, R…). */
export async function diffNames(
  root: string,
  from: string,
  to: string,
): Promise<{ status: string; path: string }[]> {
  const parts = split0(await git(root, ['diff', '--name-status', '-z', '--no-renames', from, to]));
  const out: { status: string; path: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ status: parts[i], path: parts[i + 1] });
  return out;
}

/**
 * Reads files of one commit, as `git show REV:path` would, through one long-lived
 * `git cat-file --batch` process: a dataset of one file per report means thousands of reads,
 * and a process per file would cost seconds. Answers come in the order asked.
 */
export class CommitReader {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (b: Buffer | null) => void; reject: (e: Error) => void }[] = [];

  constructor(
    private readonly root: string,
    readonly commit: string,
  ) {}

  /** The file's text at the commit, or null when the commit has no such file. */
  async read(path: string): Promise<string | null> {
    const proc = this.start();
    const answer = new Promise<Buffer | null>((resolve, reject) =>
      this.waiting.push({ resolve, reject }),
    );
    proc.stdin.write(`${this.commit}:${path}\n`);
    const bytes = await answer;
    return bytes === null ? null : bytes.toString('utf8');
  }

  close(): void {
    this.proc?.stdin.end();
    this.proc = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('git', ['cat-file', '--batch'], { cwd: this.root });
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const failAll = (e: Error) => {
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    proc.on('error', failAll);
    proc.on('exit', (code) => {
      if (this.waiting.length) failAll(new Error(`git cat-file exited with ${code}`));
    });
    this.proc = proc;
    return proc;
  }

  /** Hands out every complete answer in the buffer: `<sha> blob <size>\n<bytes>\n` or `… missing\n`. */
  private drain(): void {
    for (;;) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0 || this.waiting.length === 0) return;
      const header = this.buffer.subarray(0, eol).toString();
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.waiting.shift()?.resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const body = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      // A tree (a folder named as a file) is not a file: treated as missing.
      this.waiting.shift()?.resolve(header.split(' ')[1] === 'blob' ? Buffer.from(body) : null);
    }
  }
}
