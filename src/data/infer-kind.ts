/**
 * Which layer kind a loose GeoJSON file is (a new report, a file dropped on the map): from its
 * properties, so the right rules apply. Returns null when nothing fits.
 */
import type { LayerKind } from './types';

export function inferKind(value: unknown): LayerKind | null {
  const v = value as { type?: unknown; features?: unknown; properties?: unknown } | null;
  const first =
    v?.type === 'Feature' ? v : Array.isArray(v?.features) ? (v.features[0] as typeof v) : null;
  const props = first?.properties as Record<string, unknown> | undefined;
  if (!props || typeof props !== 'object') return null;
  if ('reported_at' in props) return 'reports';
  if ('control' in props) return 'places';
  if ('valid_from' in props) return 'factions' in props ? 'fronts' : 'zones';
  return null;
}
