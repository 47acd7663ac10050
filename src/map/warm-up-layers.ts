/**
 * Copies of the thematic layers that a first frame draws (fronts, places, their labels, the
 * uncertainty circles), on made-up features at the hidden early map's centre (early-map.ts).
 *
 * In software WebGL a program is cheap to compile but costly the first time it draws: the GPU
 * process builds its pipeline then, and the page's next synchronous WebGL call (MapLibre creating
 * the next layer's program, or a canvas resize) waits for it. When the data's layers first drew on
 * the full-size map, those waits made the page's longest tasks (150–450 ms each; docs/
 * performance.md, "Cold start"). Drawn on one feature in the 2 px early map while the data still
 * loads, each layer's program and pipeline are built before the page needs them; MapLibre keeps
 * its programs per map, keyed by the layer type and which paint values vary by feature, so the
 * copies must have the same paint as the layers they stand for: they are those layers, filter
 * removed, on another source.
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Faction, LonLat } from '../data/types';
import {
  COMPARE_PLACES,
  FRONTS_SOURCE,
  PLACE_LABELS_SOURCE,
  PLACES_SOURCE,
  UNCERTAINTY_SOURCE,
} from './style-ids';
import { thematicLayers } from './style-layers';
import type { TimePlan } from './time-plan';

export const WARM_UP_SOURCE = 'warm-up';
/**
 * The labels' copies have a source of their own: a tile is handed over only once its labels are
 * laid out, which waits for the fonts, and the shapes' programs need not wait with them.
 */
export const WARM_UP_LABELS_SOURCE = 'warm-up-labels';
export const WARM_UP_SOURCES = [WARM_UP_SOURCE, WARM_UP_LABELS_SOURCE];
/**
 * The performance mark set when the early map has drawn its warm-up (every program the first
 * frame with data needs is built): what the cold-start browser test waits for.
 */
export const EARLY_MAP_WARM = 'early-map-warm';

/** The sources whose layers draw on the first frame; compare mode's are drawn later, if ever. */
const FIRST_FRAME_SOURCES = [FRONTS_SOURCE, PLACES_SOURCE, PLACE_LABELS_SOURCE, UNCERTAINTY_SOURCE];

/** How far the made-up line and triangle reach from the centre, in degrees: long enough that
 * no zoom simplifies them away. */
const REACH = 0.05;

export function warmUpLayers(
  factions: readonly Faction[],
  [x, y]: LonLat,
): { sources: Record<string, GeoJSONSourceSpecification>; layers: LayerSpecification[] } {
  const properties = { kind: 'town', approximate: false, name: 'A', faction: factions[0]?.id };
  const feature = (geometry: GeoJSON.Geometry): GeoJSON.Feature => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const shapes: GeoJSONSourceSpecification = {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Point', coordinates: [x, y] }),
        feature({
          type: 'LineString',
          coordinates: [
            [x - REACH, y - REACH],
            [x + REACH, y + REACH],
          ],
        }),
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + REACH, y],
              [x, y + REACH],
              [x, y],
            ],
          ],
        }),
      ],
    },
  };
  const sources = {
    [WARM_UP_SOURCE]: shapes,
    [WARM_UP_LABELS_SOURCE]: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: [feature({ type: 'Point', coordinates: [x, y] })],
      },
    } satisfies GeoJSONSourceSpecification,
  };
  // The GPU strategy's layers (the only one that opens an early map): zones and pins are custom
  // layers, warmed by their own programs (gl-program.ts).
  const plan: TimePlan = { reportBuckets: [], keys: [], zoneVersions: [], zonesOnGpu: true };
  // Not the basemap's layers: its own tiles draw them on the early map (copies measured no
  // better, and more variable).
  const firstFrame = thematicLayers(factions, plan, true, true).filter(
    (l) =>
      'source' in l && FIRST_FRAME_SOURCES.includes(l.source as string) && l.id !== COMPARE_PLACES,
  );
  const layers = firstFrame.map((l) => {
    const { filter: _, ...rest } = l as LayerSpecification & { filter?: unknown };
    const source = l.type === 'symbol' ? WARM_UP_LABELS_SOURCE : WARM_UP_SOURCE;
    return { ...rest, id: `${source}:${l.id}`, source } as LayerSpecification;
  });
  return { sources, layers };
}
