/**
 * `npm run new-report [-- --flags]`: writes one valid, correctly named report file under
 * data/reports/<yyyy>/. Asks for whatever the flags do not give (in a terminal); with --yes, or
 * without a terminal, missing required answers are an error instead.
 *
 *   --place <id or name> | --lon <x> --lat <y>   where (a place of the dataset gives both)
 *   --time <ISO 8601 with zone>                   when the blog reported it (reported_at)
 *   --occurred <ISO time>  --title  --text  --text-en  --lang  --source  --status  --category
 *   --source-name <outlet>
 *   --post <post id>  --translator <name>  --dataset <manifest>  --yes  --dry-run
 *
 * Exit codes: 0 written (or printed, with --dry-run); 1 invalid input (the dataset does not
 * load, no such place, answers the validator refuses, the file exists); 2 a usage error (an
 * unknown option, a required answer missing with no terminal to ask in). Nothing is written
 * unless the code is 0.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { CATEGORIES } from '../src/data/categories';
import { loadDataset } from '../src/data/load/load';
import { type ReportDraft, reportFileText } from '../src/data/new-report';
import { formatProblem } from '../src/data/problems';
import { REPORT_STATUSES, type ReportStatus } from '../src/data/types';
import { contextOf } from '../src/data/validate/validate';
import { validateLayerText } from '../src/data/validate/validate-text';
import { INVALID_EXIT, parseCliArgs, USAGE_EXIT } from './lib/cli-args';
import { readLocal } from './lib/read-local';

const USAGE =
  'usage: npm run new-report -- --place khan-tuman --time 2015-10-23T23:34:00Z --title "..." --text "..." --lang ar --text-en "..." --source https://... --status unconfirmed --category armed-clash [--source-name outlet] [--post id] [--translator name] [--dataset data/dataset.json] [--yes] [--dry-run]';
const flags = parseCliArgs('new-report', USAGE, {
  place: { type: 'string' },
  lon: { type: 'string' },
  lat: { type: 'string' },
  time: { type: 'string' },
  occurred: { type: 'string' },
  title: { type: 'string' },
  text: { type: 'string' },
  'text-en': { type: 'string' },
  lang: { type: 'string' },
  source: { type: 'string' },
  status: { type: 'string' },
  category: { type: 'string' },
  'source-name': { type: 'string' },
  post: { type: 'string' },
  translator: { type: 'string' },
  dataset: { type: 'string', default: 'data/dataset.json' },
  yes: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
/** Exits 1 (invalid input: the dataset, an answer) or, with USAGE_EXIT, 2 (the command line). */
const fail = (msg: string, code = INVALID_EXIT): never => {
  console.error(`new-report: ${msg}${code === USAGE_EXIT ? `\n${USAGE}` : ''}`);
  process.exit(code);
};

const manifestPath = resolve(flags.dataset);
// The new report's context (factions, posts, ids); the zones' topology is npm run validate's job.
const { dataset } = await loadDataset(pathToFileURL(manifestPath).href, readLocal, undefined, {
  topology: false,
});
if (!dataset) fail(`cannot load ${flags.dataset}; run npm run validate to see why`);
const ds = dataset as NonNullable<typeof dataset>;
const interactive = !flags.yes && process.stdin.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
async function ask(
  flag: string | undefined,
  question: string,
  required = true,
): Promise<string | undefined> {
  if (flag !== undefined) return flag;
  if (!rl)
    return required
      ? fail(
          `missing --${question.split(' ')[0].toLowerCase()} (no terminal to ask in)`,
          USAGE_EXIT,
        )
      : undefined;
  const answer = (await rl.question(`${question}${required ? '' : ' (optional)'}: `)).trim();
  if (!answer && required) return ask(undefined, question, required);
  return answer || undefined;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const where = await ask(
  flags.place ?? (flags.lon !== undefined ? '' : undefined),
  'Place (id or name; empty to give coordinates)',
  false,
);
let lon = Number(flags.lon);
let lat = Number(flags.lat);
let placeId: string | undefined;
if (where) {
  const place = ds.places.find((p) =>
    [p.id, p.properties.name, p.properties.name_ar, ...p.properties.aliases].some(
      (n) => fold(n) === fold(where),
    ),
  );
  if (!place)
    fail(`no place "${where}" in the dataset; known: ${ds.places.map((p) => p.id).join(', ')}`);
  else {
    [lon, lat] = place.geometry.coordinates as [number, number];
    placeId = place.id;
  }
} else if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
  lon = Number(await ask(undefined, 'Longitude (e.g. 37.16)'));
  lat = Number(await ask(undefined, 'Latitude (e.g. 36.20)'));
}
const lastPost = ds.posts.at(-1);
const draft: ReportDraft = {
  lon,
  lat,
  place: placeId,
  reported_at: (await ask(
    flags.time,
    `Time reported, ISO with zone${lastPost ? ` (latest post: ${lastPost.published_at})` : ''}`,
  )) as string,
  occurred_at: await ask(flags.occurred, 'Occurred at (ISO with zone)', false),
  title: (await ask(flags.title, 'Title (short, English)')) as string,
  text: (await ask(flags.text, 'Text, in the original language, in your own words')) as string,
  lang: (await ask(flags.lang, 'Language of the text (e.g. ar, ru, en)')) as string,
  text_en: await ask(flags['text-en'], 'English translation', false),
  source_url: (await ask(flags.source, 'Source URL (https://...)')) as string,
  status: (await ask(flags.status, `Status (${REPORT_STATUSES.join(' | ')})`)) as ReportStatus,
  category: (await ask(
    flags.category,
    `Category (${CATEGORIES.map((c) => `${c.id}: ${c.label}`).join('; ')})`,
  )) as string,
  source_name: await ask(flags['source-name'], 'Source outlet name (e.g. Reuters)', false),
  post: await ask(flags.post, `Post id (${ds.posts.map((p) => p.id).join(', ')})`, false),
  translator: await ask(flags.translator, 'Translator credit', false),
};
rl?.close();

const { id, path, text } = reportFileText(draft);
const file = join(dirname(manifestPath), path);
const problems = validateLayerText(
  'reports',
  text,
  path,
  contextOf(ds.manifest, ds.posts),
).problems;
if (ds.reports.some((r) => r.id === id))
  problems.push({
    severity: 'error',
    file: path,
    featureId: id,
    property: 'id',
    message: 'is already used by another report',
    fix: 'choose a different title',
  });
for (const p of problems) console.error(`${p.severity}  ${formatProblem(p)}`);
if (problems.some((p) => p.severity === 'error'))
  fail('not written: fix the answers above and run again');
if (flags['dry-run']) {
  process.stdout.write(text);
  process.exit(0);
}
if (
  await access(file).then(
    () => true,
    () => false,
  )
)
  fail(`${file} exists already; choose a different title`);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, text);
console.log(
  `wrote ${path.startsWith('reports/') ? `data/${path}` : file}\nnext: npm run validate -- data/${path}, then open a pull request`,
);
