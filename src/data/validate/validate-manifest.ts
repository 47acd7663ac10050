/** Rules for the dataset manifest (data/dataset.json). */
import { parseIsoTime } from '../../lib/time';
import type { Problem } from '../problems';
import { LAYER_KINDS, type Manifest } from '../types';

const HEX = /^#[0-9a-fA-F]{6}$/;
const BASEMAP_KINDS = ['land', 'admin', 'lakes', 'rivers', 'borders', 'coast', 'towns'];

const isLonLat = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'number' &&
  typeof v[1] === 'number' &&
  Math.abs(v[0]) <= 180 &&
  Math.abs(v[1]) <= 90;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the manifest. Returns it typed when it has no errors (problems may still hold warnings),
 * otherwise null.
 */
export function checkManifest(
  raw: unknown,
  file: string,
): { manifest: Manifest | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (property: string, message: string, fix: string) =>
    problems.push({ severity: 'error', file, property, message, fix });
  if (!isObj(raw)) {
    err(
      '(root)',
      'is not a JSON object',
      'the manifest is {"title", "time_range", "factions", "layers", ...}',
    );
    return { manifest: null, problems };
  }
  for (const key of ['title', 'description', 'posts', 'attribution'])
    if (typeof raw[key] !== 'string' || raw[key] === '')
      err(key, 'must be a non-empty string', `add "${key}"`);
  const tr = raw.time_range;
  const start = isObj(tr) ? parseIsoTime(tr.start) : null;
  const end = isObj(tr) ? parseIsoTime(tr.end) : null;
  if (start === null || end === null)
    err(
      'time_range',
      'needs start and end as ISO 8601 times with a zone',
      'write {"start": "2015-10-01T00:00:00Z", "end": ...}',
    );
  else if (end <= start)
    err('time_range.end', 'is not after start', 'end must be later than start');
  const view = raw.default_view;
  if (
    !isObj(view) ||
    !isLonLat(view.center) ||
    typeof view.zoom !== 'number' ||
    !Array.isArray(view.bounds) ||
    view.bounds.length !== 2 ||
    !view.bounds.every(isLonLat)
  )
    err(
      'default_view',
      'needs center [lon, lat], zoom (number) and bounds [[west, south], [east, north]]',
      'see data/dataset.json for an example',
    );
  const factions = Array.isArray(raw.factions) ? raw.factions : null;
  if (!factions || factions.length === 0)
    err('factions', 'must list at least one faction', 'add {"id", "label", "color"}');
  const ids = new Set<string>();
  factions?.forEach((f, i) => {
    if (
      !isObj(f) ||
      typeof f.id !== 'string' ||
      typeof f.label !== 'string' ||
      typeof f.color !== 'string' ||
      !HEX.test(f.color)
    )
      err(
        `factions[${i}]`,
        'needs id, label and color (#rrggbb)',
        'e.g. {"id": "regime", "label": "Government", "color": "#d55e00"}',
      );
    else if (ids.has(f.id))
      err(`factions[${i}].id`, `"${f.id}" is listed twice`, 'give each faction its own id');
    else ids.add(f.id);
  });
  const layers = Array.isArray(raw.layers) ? raw.layers : null;
  if (!layers) err('layers', 'must be a list', 'add [{"id", "kind", "title", "path"}]');
  layers?.forEach((l, i) => {
    if (
      !isObj(l) ||
      typeof l.id !== 'string' ||
      typeof l.title !== 'string' ||
      typeof l.path !== 'string' ||
      !LAYER_KINDS.includes(l.kind as never)
    )
      err(
        `layers[${i}]`,
        `needs id, title, path and kind (${LAYER_KINDS.join(', ')})`,
        'fix the layer entry',
      );
  });
  const basemap = Array.isArray(raw.basemap) ? raw.basemap : null;
  if (!basemap)
    err('basemap', 'must be a list', 'add [{"kind", "path"}] (an empty list draws no basemap)');
  basemap?.forEach((b, i) => {
    if (!isObj(b) || typeof b.path !== 'string' || !BASEMAP_KINDS.includes(String(b.kind)))
      err(
        `basemap[${i}]`,
        `needs path and kind (${BASEMAP_KINDS.join(', ')})`,
        'fix the basemap entry',
      );
  });
  if (!Array.isArray(raw.sources) || raw.sources.length === 0)
    err(
      'sources',
      'must list the sources and licences of the data',
      'add [{"name", "license", "url"}]',
    );
  const manifest = problems.length === 0 ? (raw as unknown as Manifest) : null;
  return { manifest, problems };
}
