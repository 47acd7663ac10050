/**
 * `npm run screenshot`: renders the built app (run `npm run build` first) in headless Chromium
 * and writes docs/screenshot.png for the README. Optional: a hash to open, e.g.
 * `npm run screenshot -- '#t=2015-10-23T23:34:00Z'`, and `--width`/`--height`.
 */
import { openApp, startSession } from '../tests/e2e/driver';
import { usageError } from './lib/cli-args';

const USAGE = "usage: npm run screenshot -- ['#t=…'] [--width 1280] [--height 800] [out.png]";
const args = process.argv.slice(2);
args.forEach((a, i) => {
  const isValue = ['--width', '--height'].includes(args[i - 1] ?? '');
  if (
    isValue
      ? !(Number(a) > 0)
      : !(a.startsWith('#') || a.endsWith('.png') || ['--width', '--height'].includes(a))
  )
    usageError('screenshot', USAGE, `cannot use ${JSON.stringify(a)}`);
});
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const hash = args.find((a) => a.startsWith('#')) ?? '';
const out = args.find((a) => a.endsWith('.png')) ?? 'docs/screenshot.png';
const session = await startSession();
try {
  const app = await openApp(session, `/${hash}`, {
    width: opt('width', 1280),
    height: opt('height', 800),
  });
  await app.page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await session.close();
}
