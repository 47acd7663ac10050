/** Ring helpers shared by the zone mesh (zone-mesh.ts) and the compiled file's edge rebuild
 * (compiled/ring-vertices.ts), which must walk rings identically. No dependencies, so the
 * compiled path does not pull in the triangulator. */
import type { MultiPolygon, Polygon } from 'geojson';

/** A Polygon's or MultiPolygon's polygons, as lists of rings. */
export function polygonsOf(g: Polygon | MultiPolygon): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** The ring with its first vertex repeated at the end (GeoJSON rings already are). */
export function closed(ring: number[][]): number[][] {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}
