/**
 * The state of the map at a moment as one GeoJSON FeatureCollection: every place with its
 * controller at t, and the zones active at t. The collection and every feature name the dataset,
 * the moment and the licences (foreign members of the collection are dropped by many GIS tools,
 * so each feature carries them too).
 */
import { formatIsoUtc } from '../../lib/time';
import type { Timeline } from '../timeline';
import type { Dataset } from '../types';
import { licenceOf } from './about';

export function stateAt(dataset: Dataset, timeline: Timeline, t: number) {
  const { manifest } = dataset;
  const about = {
    dataset: manifest.title,
    moment: formatIsoUtc(t),
    licence: licenceOf(manifest),
    attribution: manifest.attribution,
  };
  const label = (id: string | null) =>
    id === null ? null : (manifest.factions.find((f) => f.id === id)?.label ?? id);
  const places = dataset.places.map((p) => {
    const span = timeline.controlAt(p.id, t);
    return {
      type: 'Feature' as const,
      id: p.id,
      geometry: p.geometry,
      properties: {
        kind: 'place',
        name: p.properties.name,
        name_ar: p.properties.name_ar,
        controller: span?.faction ?? null,
        controller_label: label(span?.faction ?? null),
        since: span ? formatIsoUtc(span.t0) : null,
        source: span?.source ?? null,
        precision: p.properties.precision ?? 'exact',
        ...about,
      },
    };
  });
  const zones = timeline.zonesActiveAt(t).map((z) => ({
    type: 'Feature' as const,
    id: z.id,
    geometry: z.geometry,
    properties: {
      kind: 'zone',
      faction: z.properties.faction,
      faction_label: label(z.properties.faction),
      valid_from: z.properties.valid_from,
      valid_to: z.properties.valid_to ?? null,
      precision: z.properties.precision,
      source: z.properties.source,
      ...about,
    },
  }));
  return {
    type: 'FeatureCollection' as const,
    name: `${manifest.title}: state at ${about.moment}`,
    ...about,
    features: [...zones, ...places],
  };
}
