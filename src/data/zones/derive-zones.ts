/**
 * Control zones derived from place control points (used by scripts/derive-zones.ts and the
 * tests; the app never imports it). Method, in docs/data.md:
 * 1. Versions: the time range's start, every moment inside the range at which some place in
 *    Syria changes controller, and the start and end of every broad zone inside the range.
 * 2. Seeds at each version: every place inside Syria whose controller is known then (tagged with
 *    that faction, reach REACH_KM), and the anchor towns of the broad zones valid then (tagged
 *    with the zone's faction, reach the zone's reach_km).
 * 3. One Voronoi diagram of all seeds over Syria's bounding box (@turf/voronoi). The seeds are
 *    grouped: the front places by faction (contested places by faction and contestants), each
 *    broad zone's anchors by zone.
 * 4. Each cell is cut to its seed's reach circle inside Syria (cellClipper: @turf/circle,
 *    @turf/intersect); a group's pieces are dissolved (@turf/union), so neighbouring villages
 *    of one side less than two reaches apart join into one area. The cells of one diagram never overlap, so
 *    zones of different groups never overlap. One feature per group and version, valid from the
 *    version to the next, precision "approximate".
 * Deterministic: seeds sorted, coordinates rounded to 6 decimals, spikes removed, polygons in a fixed order.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, point } from '@turf/helpers';
import union from '@turf/union';
import voronoi from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { formatIsoUtc, parseIsoTime } from '../../lib/time';
import { type ClippedCell, cellClipper, clipCells } from './cell-clip';
import { cleanPolygons } from './clean-polygons';

export { cellClipper };
import type { Json } from '../format-json';

/** How far (km) a place's control is taken to reach around it. */
export const REACH_KM = 12;

export const DERIVED_SOURCE =
  'derived: Voronoi cells of place control points (scripts/derive-zones.ts); control sources per place in layers/places.geojson';

export interface BroadZone {
  id: string;
  faction: string;
  label: string;
  /** How far (km) each anchor's cell may reach. */
  reach_km: number;
  valid_from?: string;
  valid_to?: string;
  anchors: { name: string; lon: number; lat: number; source: string }[];
  source: string;
  note: string;
}

export interface PlaceIn {
  id: string;
  geometry: { type: 'Point'; coordinates: number[] };
  properties: {
    name: string;
    control: { from: string; faction: string }[];
    contested?: { from: string; to?: string; factions: string[] }[];
  };
}

export interface DeriveInput {
  timeRange: { start: string; end: string };
  /** Faction ids in the manifest's order (output order). */
  factions: string[];
  places: PlaceIn[];
  country: Feature<Polygon | MultiPolygon>;
  broad: BroadZone[];
}

type Area = Polygon | MultiPolygon;

const ms = (value: string): number => {
  const t = parseIsoTime(value);
  if (t === null) throw new Error(`bad time ${value}`);
  return t;
};
const iso = formatIsoUtc;
/** A time as an id part: the day, plus hh mm when not at 00:00. */
const stamp = (t: number): string => {
  const s = iso(t);
  const day = s.slice(0, 10).replaceAll('-', '');
  const hms = s.slice(11, 19);
  return hms === '00:00:00' ? day : `${day}t${s.slice(11, 16).replace(':', '')}`;
};
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6 + 0;

/** Checks the broad zones file; throws naming the zone and field on any problem. */
export function checkBroadZones(raw: unknown, factions: readonly string[]): BroadZone[] {
  const zones = (raw as { zones?: unknown })?.zones;
  if (!Array.isArray(zones)) throw new Error('broad zones: expected {"zones": [...]}');
  const ids = new Set<string>();
  return zones.map((z, i) => {
    const where = `broad zone ${i} (${(z as { id?: string })?.id ?? 'no id'})`;
    const need = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`${where}: ${what}`);
    };
    const zone = z as BroadZone;
    need(typeof zone.id === 'string' && /^[a-z0-9-]+$/.test(zone.id), 'id must be a-z, 0-9, -');
    need(!ids.has(zone.id), 'id is used twice');
    ids.add(zone.id);
    need(factions.includes(zone.faction), `faction "${zone.faction}" is not in the manifest`);
    need(typeof zone.reach_km === 'number' && zone.reach_km > 0, 'reach_km must be > 0');
    need(typeof zone.source === 'string' && zone.source.trim().length > 0, 'source is missing');
    need(zone.source.length <= 1000, 'source is longer than 1000 characters');
    need(
      typeof zone.note === 'string' && zone.note.length <= 1500,
      'note must be at most 1500 characters',
    );
    for (const k of ['valid_from', 'valid_to'] as const)
      if (zone[k] !== undefined) ms(zone[k] as string);
    need(Array.isArray(zone.anchors) && zone.anchors.length > 0, 'anchors are missing');
    for (const a of zone.anchors)
      need(
        Number.isFinite(a.lon) && Number.isFinite(a.lat) && typeof a.source === 'string',
        `anchor ${a.name}: needs lon, lat and source`,
      );
    return zone;
  });
}

function controllerAt(place: PlaceIn, t: number): string | null {
  let best: { t: number; faction: string } | null = null;
  for (const c of place.properties.control) {
    const tc = ms(c.from);
    if (tc <= t && (!best || tc >= best.t)) best = { t: tc, faction: c.faction };
  }
  return best?.faction ?? null;
}

function bboxOf(geom: Area, pad: number): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  for (const poly of polys)
    for (const [x, y] of poly[0]) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** Names joined for a note, cut to stay short. */
function nameList(names: string[], max = 40): string {
  return names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export interface Seed {
  at: [number, number];
  faction: string;
  reachKm: number;
  /** 'front', 'contested:<factions joined by +>' or the broad zone's id. */
  group: string;
  name: string;
}

/** The factions contesting a place at t (sorted, at least two), or null. */
function contestedAt(place: PlaceIn, t: number): string[] | null {
  for (const c of place.properties.contested ?? [])
    if (ms(c.from) <= t && (c.to === undefined || t < ms(c.to)))
      return [...new Set(c.factions)].sort();
  return null;
}

const CONTESTED = 'contested:';

/** The seeds of the Voronoi diagram at t: places with a known controller, then broad-zone
 * anchors; a point already taken is skipped (two seeds at one point would share one cell). */
export function seedsAt(input: DeriveInput, inside: PlaceIn[], t: number): Seed[] {
  const seeds: Seed[] = [];
  const taken = new Set<string>();
  for (const p of inside) {
    const faction = controllerAt(p, t);
    if (!faction) continue;
    const [lon, lat] = p.geometry.coordinates;
    const key = `${round6(lon)},${round6(lat)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const contested = contestedAt(p, t);
    seeds.push({
      at: [lon, lat],
      faction,
      reachKm: REACH_KM,
      group: contested ? `${CONTESTED}${contested.join('+')}` : 'front',
      name: p.properties.name,
    });
  }
  for (const z of input.broad) {
    if (z.valid_from && ms(z.valid_from) > t) continue;
    if (z.valid_to && ms(z.valid_to) <= t) continue;
    for (const a of z.anchors) {
      const key = `${round6(a.lon)},${round6(a.lat)}`;
      if (taken.has(key)) continue;
      taken.add(key);
      seeds.push({
        at: [a.lon, a.lat],
        faction: z.faction,
        reachKm: z.reach_km,
        group: z.id,
        name: a.name,
      });
    }
  }
  return seeds;
}

/** Seeds by zone group (`faction|group`), with their indices in `seeds` (= Voronoi cells). */
export function groupSeeds(seeds: Seed[]): Map<string, { seeds: Seed[]; members: number[] }> {
  const groups = new Map<string, { seeds: Seed[]; members: number[] }>();
  seeds.forEach((s, i) => {
    const key = `${s.faction}|${s.group}`;
    const g = groups.get(key) ?? { seeds: [], members: [] };
    g.seeds.push(s);
    g.members.push(i);
    groups.set(key, g);
  });
  return groups;
}

/** The bounding box the Voronoi diagrams are built in: the country's, padded by half a degree. */
export const diagramBox = (country: Feature<Area>) => bboxOf(country.geometry, 0.5);

/** The places inside the country, sorted by id (the order of seeds). */
export function placesInside(places: PlaceIn[], country: Feature<Area>): PlaceIn[] {
  return places
    .filter((p) => booleanPointInPolygon(p.geometry.coordinates, country))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Version times: start, each change of some place's controller, each broad zone bound. */
export function versionTimes(input: DeriveInput): number[] {
  const start = ms(input.timeRange.start);
  const end = ms(input.timeRange.end);
  const times = new Set<number>([start]);
  const add = (t: number) => {
    if (t > start && t < end) times.add(t);
  };
  for (const p of placesInside(input.places, input.country)) {
    const entries = [...p.properties.control].sort((a, b) => ms(a.from) - ms(b.from));
    entries.forEach((c, i) => {
      if (i === 0 || entries[i - 1].faction !== c.faction) add(ms(c.from));
    });
    for (const c of p.properties.contested ?? []) {
      add(ms(c.from));
      if (c.to !== undefined) add(ms(c.to));
    }
  }
  for (const z of input.broad) {
    if (z.valid_from) add(ms(z.valid_from));
    if (z.valid_to) add(ms(z.valid_to));
  }
  return [...times].sort((a, b) => a - b);
}

/** The zone features (not yet in canonical layout: see fixLayer). */
/** `clip` may be shared with deriveFronts (same input), which then reuses its pieces. */
export function deriveZones(input: DeriveInput, clip = cellClipper(input.country)): Json[] {
  const { country, factions } = input;
  const inside = placesInside(input.places, country);
  const versions = versionTimes(input);
  const bbox = diagramBox(country);
  const broadById = new Map(input.broad.map((z) => [z.id, z]));
  const out: Json[] = [];
  const unions = new Map<string, Feature<Area> | null>();
  versions.forEach((t, vi) => {
    const seeds = seedsAt(input, inside, t);
    const cells = voronoi(featureCollection(seeds.map((s) => point(s.at))), { bbox });
    const groups = groupSeeds(seeds);
    const clippedCells = clipCells(clip, cells.features, seeds);
    const zoneOf = new Map<string, Feature<Area> | null>();
    for (const [key, g] of groups) {
      const clipped = g.members
        .map((i) => clippedCells[i])
        .filter((c): c is ClippedCell => c?.piece != null);
      // The same pieces dissolve the same way in another version.
      const unionKey = clipped.map((c) => c.key).join(',');
      if (!unions.has(unionKey)) {
        const parts = clipped.map((c) => c.piece as Feature<Area>);
        unions.set(
          unionKey,
          parts.length === 0
            ? null
            : parts.length === 1
              ? parts[0]
              : union(featureCollection<Area>(parts)),
        );
      }
      zoneOf.set(key, unions.get(unionKey) ?? null);
    }
    const validTo = vi + 1 < versions.length ? iso(versions[vi + 1]) : undefined;
    const keys = [...groups.keys()].sort((a, b) => {
      const [fa, ga] = a.split('|');
      const [fb, gb] = b.split('|');
      // Per faction: its front zone, its contested zones, then its broad zones.
      const rank = (g: string) => (g === 'front' ? 0 : g.startsWith(CONTESTED) ? 1 : 2);
      return (
        factions.indexOf(fa) - factions.indexOf(fb) || rank(ga) - rank(gb) || ga.localeCompare(gb)
      );
    });
    for (const key of keys) {
      const g = groups.get(key);
      if (!g) continue;
      const [faction, group] = key.split('|');
      const merged = zoneOf.get(key);
      const geometry = merged && cleanPolygons(merged.geometry);
      if (!geometry) continue;
      const names = nameList(g.seeds.map((s) => s.name));
      const broad = broadById.get(group);
      const contested = group.startsWith(CONTESTED)
        ? group.slice(CONTESTED.length).split('+')
        : null;
      const properties: Record<string, Json> = contested
        ? {
            faction,
            valid_from: iso(t),
            ...(validTo ? { valid_to: validTo } : {}),
            source: DERIVED_SOURCE,
            precision: 'approximate',
            contested,
            note: `Contested between ${contested.join(' and ')} (fighting inside, or sources say divided; held by ${faction} by the control history), approximate: the area within ${REACH_KM} km of ${names} and nearer to them than to any other place, inside Syria. Each place's contested spells and their sources are in layers/places.geojson.`,
          }
        : broad
          ? {
              faction,
              valid_from: iso(t),
              ...(validTo ? { valid_to: validTo } : {}),
              source: broad.source,
              precision: 'approximate',
              note: `Broad zone "${broad.label}", approximate: the area within ${broad.reach_km} km of ${names} and nearer to them than to any other place or anchor, inside Syria. ${broad.note}`,
            }
          : {
              faction,
              valid_from: iso(t),
              ...(validTo ? { valid_to: validTo } : {}),
              source: DERIVED_SOURCE,
              precision: 'approximate',
              note: `Approximation, not a front line: the area within ${REACH_KM} km of ${names} and nearer to them than to any place held by another faction, inside Syria. Built from ${g.seeds.length} places with a sourced controller at ${iso(t)}; places with no sourced controller then are left out.`,
            };
      out.push({
        type: 'Feature',
        id: broad
          ? `zone-${faction}-${group}-${stamp(t)}`
          : contested
            ? `zone-${faction}-contested-${contested.join('-')}-${stamp(t)}`
            : `zone-${faction}-${stamp(t)}`,
        properties,
        geometry: geometry as unknown as Json,
      });
    }
  });
  const ids = new Set(out.map((f) => (f as { id: string }).id));
  if (ids.size !== out.length) throw new Error('duplicate zone ids');
  return out;
}
