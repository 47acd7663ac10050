/**
 * The engine of `npm run import -- --from acled`: reads an ACLED export (papaparse, in one pass),
 * turns each row into a report (src/data/import/acled.ts), checks it with the project's own
 * validator, and writes one report file per event, or one FeatureCollection with --bundle.
 * Bad rows are reported as file:line with the reason and skipped. Everything is written into a
 * temporary file or folder beside the output first and renamed into place at the end, so a
 * failure leaves nothing half-written.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { fixLayer } from '../../src/data/fix';
import type { Json } from '../../src/data/format-json';
import { type AcledOptions, acledRowToReport, missingColumns } from '../../src/data/import/acled';
import { parseJson } from '../../src/data/validate/parse-json';
import type { Report } from '../../src/data/types';
import {
  checkManifest,
  contextOf,
  MAX_LAYER_BYTES,
  validateLayer,
} from '../../src/data/validate/validate';
import { upperBound } from '../../src/lib/search';

export interface ImportOptions extends AcledOptions {
  /** The ACLED CSV file. */
  file: string;
  /** Per-file mode: the reports folder (files go to <out>/<yyyy>/…); bundle: the file. */
  out: string;
  bundle: boolean;
  /** The dataset the reports must fit (bounds, factions): its dataset.json. */
  manifest: string;
  /** Rows read so far (by bytes): called every few thousand rows and at the end. */
  onProgress?(done: number, total: number, rows: number): void;
}

export interface Skipped {
  line: number;
  reason: string;
}

export interface ImportResult {
  imported: number;
  skipped: Skipped[];
  /** Paths written (the bundle, or every report file). */
  written: string[];
}

/** Thrown for what stops the whole import (nothing is written). */
export class ImportError extends Error {}

export async function importAcled(o: ImportOptions): Promise<ImportResult> {
  const manifestPath = resolve(o.manifest);
  const parsedManifest = parseJson(await readFile(manifestPath, 'utf8'), basename(manifestPath));
  const { manifest } = checkManifest(parsedManifest.value, basename(manifestPath));
  if (!manifest) throw new ImportError(`${o.manifest} is not a valid dataset manifest`);
  const ctx = { ...contextOf(manifest, []), topology: false };
  const raw = await readFile(o.file, 'utf8');
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Line numbers: a row's line is one more than the line breaks before its first character
  // (quoted notes may span lines, so rows and lines differ).
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const lineOf = (offset: number) => upperBound(breaks, offset - 1) + 1;

  const reports: Report[] = [];
  const skipped: Skipped[] = [];
  const firstLine = new Map<string, number>();
  // Where the previous row ended: the first data row starts after the header line.
  let cursor = text.indexOf('\n') + 1;
  let rows = 0;
  let header: string[] | null = null;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    step: (r, parser) => {
      if (!header) {
        header = r.meta.fields ?? [];
        const missing = missingColumns(header);
        if (missing.length) {
          parser.abort();
          return;
        }
      }
      let start = cursor;
      while (text[start] === '\n' || text[start] === '\r') start++;
      cursor = r.meta.cursor;
      const line = lineOf(start);
      rows++;
      if (rows % 5000 === 0) o.onProgress?.(cursor, text.length, rows);
      if (r.errors.length) {
        skipped.push({ line, reason: r.errors[0].message });
        return;
      }
      const result = acledRowToReport(r.data, o);
      if ('error' in result) {
        skipped.push({ line, reason: result.error });
        return;
      }
      const { report } = result;
      const seen = firstLine.get(report.id);
      if (seen !== undefined) {
        skipped.push({
          line,
          reason: `event_id_cnty gives id ${report.id}, already on line ${seen}`,
        });
        return;
      }
      const problems = validateLayer('reports', report, o.file, ctx).problems.filter(
        (p) => p.severity === 'error',
      );
      if (problems.length) {
        const p = problems[0];
        skipped.push({ line, reason: `${p.property ? `${p.property} ` : ''}${p.message}` });
        return;
      }
      firstLine.set(report.id, line);
      reports.push(report);
    },
  });
  const missing = missingColumns(header ?? []);
  if (!header || missing.length)
    throw new ImportError(
      `${o.file}:1: the header lacks ACLED's column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
    );
  o.onProgress?.(text.length, text.length, rows);
  if (reports.length === 0)
    throw new ImportError(`${o.file}: no row could be imported (${skipped.length} bad rows)`);
  const datasetDir = dirname(manifestPath);
  const written = o.bundle
    ? await writeBundle(reports, resolve(o.out), datasetDir)
    : await writeFiles(reports, resolve(o.out), datasetDir);
  return { imported: reports.length, skipped, written };
}

const schemaFrom = (dir: string, datasetDir: string, name: string) =>
  relative(dir, join(datasetDir, 'schema', name)).replaceAll('\\', '/');

async function writeBundle(reports: Report[], out: string, datasetDir: string) {
  const collection = {
    $schema: schemaFrom(dirname(out), datasetDir, 'reports.schema.json'),
    type: 'FeatureCollection',
    features: reports,
  } as unknown as Json;
  const text = fixLayer(collection, 'reports');
  if (text.length > MAX_LAYER_BYTES)
    throw new ImportError(
      `the bundle would be ${(text.length / 1e6).toFixed(1)} MB, over the ${MAX_LAYER_BYTES / 1e6} MB limit for one layer file: split the CSV (e.g. by year) and import each part`,
    );
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return [out];
}

/** One file per report, <out>/<yyyy>/<yyyy-mm-dd>-<id>.geojson, as the reports folder keeps them. */
async function writeFiles(reports: Report[], out: string, datasetDir: string) {
  await mkdir(dirname(out), { recursive: true });
  const tmp = await mkdtemp(join(dirname(out), `.${basename(out)}-import-`));
  try {
    const files = reports.map((r) => {
      const date = r.properties.reported_at.slice(0, 10);
      return { report: r, rel: `${date.slice(0, 4)}/${date}-${r.id}.geojson` };
    });
    for (const { report, rel } of files) {
      const dir = dirname(join(out, rel));
      const text = fixLayer(
        {
          $schema: schemaFrom(dir, datasetDir, 'report.schema.json'),
          ...report,
        } as unknown as Json,
        'reports',
      );
      await mkdir(dirname(join(tmp, rel)), { recursive: true });
      await writeFile(join(tmp, rel), text);
    }
    // Everything is on disk: move it into place (a rename per file, on the same file system).
    for (const { rel } of files) {
      await mkdir(dirname(join(out, rel)), { recursive: true });
      await rename(join(tmp, rel), join(out, rel));
    }
    return files.map((f) => join(out, f.rel));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
