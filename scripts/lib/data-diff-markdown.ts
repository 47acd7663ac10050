/**
 * The data-diff as Markdown for a pull request (a job summary or a comment). Everything taken
 * from the data is escaped: a contributor's title must not become a link, a table break, HTML
 * or a mention.
 */
import { categoryById } from '../../src/data/categories';
import type { ControlDiff, DataDiff, ReportChange } from '../../src/data/data-diff';
import type { Problem } from '../../src/data/problems';
import type { Manifest, Report } from '../../src/data/types';
import { citationParts } from '../../src/lib/citation';
import { formatIsoUtc, parseIsoTime } from '../../src/lib/time';

/** Rows per table; the rest are counted, so a huge change cannot exceed a summary's size. */
export const MAX_ROWS = 100;

/** Plain text for a Markdown table cell: one line, no markup, no HTML, no @mention. */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('@', '&#64;')
    .replace(/[\\`*_{}[\]!|~]/g, '\\$&');
}

/** "2015-11-12 12:00 UTC" from an ISO time; the text itself when it does not parse. */
export function when(iso: string | undefined): string {
  const t = parseIsoTime(iso);
  return t === null ? md(iso ?? '') : formatIsoUtc(t).replace('T', ' ').replace(':00Z', ' UTC');
}

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** A citation as its links' hosts ("reuters.com, sohr.com"), or its text, shortened. */
function sourceOf(citation: string): string {
  const hosts = [
    ...new Set(
      citationParts(citation).flatMap((p) => ('url' in p ? [p.host.replace(/^www\./, '')] : [])),
    ),
  ];
  if (hosts.length) return md(hosts.join(', '));
  return md(citation.length > 60 ? `${citation.slice(0, 59)}…` : citation);
}

function table(head: string[], rows: string[][]): string[] {
  const shown = rows.slice(0, MAX_ROWS);
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of shown) out.push(`| ${r.join(' | ')} |`);
  if (rows.length > shown.length) out.push('', `… and ${rows.length - shown.length} more.`);
  return out;
}

function reportRow(r: Report, note = ''): string[] {
  const p = r.properties;
  const category = categoryById(p.category);
  return [
    md(p.title) + note,
    when(p.reported_at),
    md(p.place ?? '—'),
    md(p.status),
    category ? md(category.label) : md(String(p.category ?? '—')),
    md(p.source_name ? `${p.source_name} (${host(p.source_url)})` : host(p.source_url)),
  ];
}

const REPORT_HEAD = ['Title', 'Reported', 'Place', 'Status', 'Category', 'Source'];
const SHORT_FIELDS = ['status', 'category', 'reported_at', 'occurred_at', 'place', 'post'];

function changedFields(c: ReportChange): string {
  const b = c.before.properties as unknown as Record<string, unknown>;
  const a = c.after.properties as unknown as Record<string, unknown>;
  return c.fields
    .map((f) =>
      SHORT_FIELDS.includes(f)
        ? `${f}: ${md(String(b[f] ?? '—'))} → ${md(String(a[f] ?? '—'))}`
        : f,
    )
    .join('; ');
}

function controlRow(c: ControlDiff, label: (id: string | null) => string): string[] {
  const date =
    c.kind === 'altered' && c.was && c.was.from !== c.entry.from
      ? `${when(c.entry.from)} (was ${when(c.was.from)})`
      : when(c.entry.from);
  const who =
    c.kind === 'altered' && c.was && c.was.faction !== c.entry.faction
      ? `${label(c.previous)} → ${label(c.entry.faction)} (was ${label(c.was.faction)})`
      : `${label(c.previous)} → ${label(c.entry.faction)}`;
  const source =
    c.kind === 'altered' && c.was && c.was.source !== c.entry.source
      ? `${sourceOf(c.entry.source)} (was ${sourceOf(c.was.source)})`
      : sourceOf(c.entry.source);
  return [`${md(c.placeName)} (${md(c.placeId)})`, date, who, source, c.kind];
}

const km2 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${km2(Math.abs(n))}`;

export interface DiffContext {
  base: string;
  head: string;
  manifest: Manifest | null;
  /** The validator's problems at HEAD (files relative to the repository's top level). */
  problems: Problem[];
  /** Changed files the dataset does not read (outside its layers), relative to the top level. */
  unread: string[];
  /** Files that differ between the two versions: warnings elsewhere are counted, not listed. */
  changed: ReadonlySet<string>;
}

/** The whole Markdown document. */
export function renderDataDiff(diff: DataDiff, ctx: DiffContext): string {
  const factions = new Map(ctx.manifest?.factions.map((f) => [f.id, f.label]) ?? []);
  const label = (id: string | null) => (id === null ? 'unknown' : md(factions.get(id) ?? id));
  const errors = ctx.problems.filter((p) => p.severity === 'error');
  const warnings = ctx.problems.length - errors.length;
  const broken = new Set(errors.map((p) => p.featureId).filter(Boolean));
  const brokenFiles = new Set(errors.map((p) => p.file.split('/').pop()));
  const notLoaded = (id: string) => broken.has(id) || brokenFiles.has(`${id}.geojson`);
  const { reports, control, zones } = diff;
  const code = (ref: string) => `\`${ref.replaceAll('`', '')}\``;
  const out: string[] = [`## Data changes: ${code(ctx.base)} → ${code(ctx.head)}`, ''];
  const verdict = errors.length
    ? `❌ ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
    : `✅ no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  out.push(
    `**Reports:** ${reports.added.length} added, ${reports.changed.length} changed, ${reports.removed.length} removed · ` +
      `**Control changes:** ${control.length} · **Zone area:** ${zones.areas.length} period${zones.areas.length === 1 ? '' : 's'} differ · ` +
      `**Validation:** ${verdict}`,
    '',
  );
  if (reports.added.length)
    out.push(
      `### Reports added (${reports.added.length})`,
      '',
      ...table(
        REPORT_HEAD,
        reports.added.map((r) => reportRow(r)),
      ),
      '',
    );
  if (reports.changed.length)
    out.push(
      `### Reports changed (${reports.changed.length})`,
      '',
      ...table(
        [...REPORT_HEAD, 'Changed'],
        reports.changed.map((c) => [...reportRow(c.after), changedFields(c)]),
      ),
      '',
    );
  if (reports.removed.length)
    out.push(
      `### Reports removed (${reports.removed.length})`,
      '',
      ...table(
        REPORT_HEAD,
        reports.removed.map((r) =>
          reportRow(r, notLoaded(r.id) ? ' ⚠️ still there, but its file has errors' : ''),
        ),
      ),
      '',
    );
  if (control.length)
    out.push(
      `### Control changes (${control.length})`,
      '',
      ...table(
        ['Place', 'Date', 'Control', 'Source', ''],
        control.map((c) => {
          const row = controlRow(c, label);
          if (c.kind === 'removed' && notLoaded(c.placeId))
            row[4] = 'removed ⚠️ the place has errors';
          return row;
        }),
      ),
      '',
    );
  if (zones.areas.length)
    out.push(
      '### Zone area per faction (km²)',
      '',
      ...table(
        ['From', 'To', 'Faction', 'Before', 'After', 'Change'],
        zones.areas.map((z) => [
          when(formatIsoUtc(z.t0)),
          when(formatIsoUtc(z.t1)),
          label(z.faction),
          km2(z.before),
          km2(z.after),
          signed(z.after - z.before),
        ]),
      ),
      '',
    );
  const ids = (title: string, list: string[]) =>
    list.length
      ? [`${title}: ${list.map((id) => `\`${id.replaceAll('`', '')}\``).join(', ')}`]
      : [];
  const zoneIds = [
    ...ids('added', zones.added),
    ...ids('removed', zones.removed),
    ...ids('changed', zones.changed),
  ];
  if (zoneIds.length) out.push(`Zone versions ${zoneIds.join('; ')}.`, '');
  if (ctx.unread.length)
    out.push(
      '### Changed files the map does not read',
      '',
      ...ctx.unread.map((f) => `- \`${f.replaceAll('`', '')}\` (not in a layer of the manifest)`),
      '',
    );
  out.push('### Validation', '', verdict);
  const listed = [
    ...errors,
    ...ctx.problems.filter((p) => p.severity === 'warning' && ctx.changed.has(p.file)),
  ];
  if (listed.length)
    out.push(
      '',
      ...table(
        ['', 'Where', 'Feature', 'Problem'],
        listed.map((p) => [
          p.severity === 'error' ? '❌' : '⚠️',
          md(`${p.file}:${p.line ?? 1}:${p.column ?? 1}`),
          md(p.featureId ?? '—'),
          md(`${p.property ? `${p.property}: ` : ''}${p.message}${p.fix ? ` — ${p.fix}` : ''}`),
        ]),
      ),
    );
  const unlisted = ctx.problems.length - listed.length;
  if (unlisted)
    out.push(
      '',
      `${unlisted} warning${unlisted === 1 ? '' : 's'} in files this change does not touch ${unlisted === 1 ? 'is' : 'are'} not listed (\`npm run validate\` shows all).`,
    );
  return `${out.join('\n')}\n`;
}
