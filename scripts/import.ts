/**
 * `npm run import -- --from acled FILE.csv [--out data/reports] [--bundle] [--dataset
 * data/dataset.json] [--status unconfirmed] [--source-url https://acleddata.com/]`
 *
 * Turns an ACLED export into reports that pass `npm run validate`: one file per event under
 * --out (default data/reports), or with --bundle one FeatureCollection (default
 * data/layers/acled-reports.geojson) for bulk sets nobody edits by hand; list it in the
 * manifest as a reports layer. Bad rows are printed as file:line with the reason and skipped.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_STATUSES, type ReportStatus } from '../src/data/types';
import { INVALID_EXIT, usageError } from './lib/cli-args';
import { ImportError, importAcled } from './lib/import-acled';

const USAGE =
  'usage: npm run import -- --from acled FILE.csv [--out data/reports] [--bundle] [--dataset data/dataset.json] [--status unconfirmed] [--source-url https://acleddata.com/]';
const usage = (message: string): never => usageError('import', USAGE, message);

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      bundle: { type: 'boolean', default: false },
      dataset: { type: 'string', default: 'data/dataset.json' },
      status: { type: 'string', default: 'unconfirmed' },
      'source-url': { type: 'string', default: 'https://acleddata.com/' },
    },
  });
}
try {
  parsed = parseOptions();
} catch (e) {
  // An unknown option or a missing value is the command line's fault: exit 2 with the usage.
  if (!String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw e;
  parsed = usage((e as Error).message);
}
const { values: flags, positionals } = parsed;

/** The input itself is bad (a missing column, no good row): exit 1. */
function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(INVALID_EXIT);
}

if (flags.from !== 'acled')
  usage('say where the file comes from: --from acled (the only format so far)');
if (positionals.length !== 1) usage('name one CSV file');
if (!REPORT_STATUSES.includes(flags.status as ReportStatus))
  usage(`--status must be one of ${REPORT_STATUSES.join(', ')}`);
const file = positionals[0];
const out = flags.out ?? (flags.bundle ? 'data/layers/acled-reports.geojson' : 'data/reports');
const tty = process.stderr.isTTY;
let lastTenth = -1;

try {
  const result = await importAcled({
    file,
    out,
    bundle: flags.bundle,
    manifest: flags.dataset,
    status: flags.status as ReportStatus,
    sourceUrl: flags['source-url'],
    onProgress(done, total, rows) {
      const pct = Math.floor((100 * done) / Math.max(1, total));
      if (tty)
        process.stderr.write(`\rreading ${file}: ${pct}% (${rows.toLocaleString('en')} rows)`);
      else if (Math.floor(pct / 10) > lastTenth) {
        lastTenth = Math.floor(pct / 10);
        console.error(`reading ${file}: ${pct}% (${rows.toLocaleString('en')} rows)`);
      }
    },
  });
  if (tty) process.stderr.write('\n');
  for (const s of result.skipped) console.log(`${file}:${s.line}  skipped: ${s.reason}`);
  const where = flags.bundle ? relative('.', resolve(out)) : `${relative('.', resolve(out))}/`;
  console.log(
    `${result.imported} reports imported, ${result.skipped.length} rows skipped -> ${where}${flags.bundle ? '' : ` (${result.written.length} files)`}`,
  );
  if (flags.bundle)
    console.log(
      `List it in ${flags.dataset} if it is not there yet: {"id": "acled", "kind": "reports", "title": "ACLED events", "path": "${relative(resolve(flags.dataset, '..'), resolve(out)).replaceAll('\\', '/')}"}`,
    );
} catch (e) {
  if (e instanceof ImportError) fail(e.message);
  throw e;
}
