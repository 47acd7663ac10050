/**
 * Geometry rules of RFC 7946 that generic checkers miss or word poorly: 2-3 numeric positions in
 * range, closed rings of 4+ positions, the right-hand rule (exterior rings counterclockwise,
 * holes clockwise), no self-intersections (rings crossing or touching, ring-crossings.ts), no
 * `crs`. Walks by geometry type at a fixed depth, so hostile nesting cannot exhaust the stack.
 */
import booleanClockwise from '@turf/boolean-clockwise';
import type { Problem } from '../problems';
import { firstCrossing } from './ring-crossings';
import type { Where } from './validate-fields';

type Pos = number[];

function positionProblem(p: unknown, path: string): string | null {
  if (!Array.isArray(p)) return `${path} is not a position [longitude, latitude]`;
  if (p.length < 2 || p.length > 3)
    return `${path} has ${p.length} numbers; a position has 2 (or 3 with altitude)`;
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return `${path} holds something that is not a number`;
  if (p[0] < -180 || p[0] > 180) return `${path} longitude ${p[0]} is outside -180..180`;
  if (p[1] < -90 || p[1] > 90) return `${path} latitude ${p[1]} is outside -90..90`;
  return null;
}

/** Which rule a winding problem breaks: the --fix mode rewinds these. */
export const WINDING_MESSAGE = 'does not follow the right-hand rule';

function checkRing(
  ring: unknown,
  path: string,
  exterior: boolean,
  out: string[],
  warnings: string[],
): ring is Pos[] {
  if (!Array.isArray(ring)) {
    out.push(`${path} is not a ring (a list of positions)`);
    return false;
  }
  for (let i = 0; i < ring.length; i++) {
    const p = positionProblem(ring[i], `${path}[${i}]`);
    if (p) {
      out.push(p);
      return false;
    }
  }
  if (ring.length < 4) {
    out.push(
      `${path} has ${ring.length} positions; a ring needs at least 4 (the first repeated at the end)`,
    );
    return false;
  }
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) {
    out.push(`${path} is not closed: its last position must repeat the first`);
    return false;
  }
  if (booleanClockwise(ring as Pos[]) === exterior)
    warnings.push(
      `${path} ${WINDING_MESSAGE} (${exterior ? 'outer rings run counterclockwise' : 'holes run clockwise'})`,
    );
  return true;
}

function checkLine(line: unknown, path: string, out: string[]) {
  if (!Array.isArray(line) || line.length < 2) {
    out.push(`${path} is not a line (a list of 2 or more positions)`);
    return;
  }
  for (let i = 0; i < line.length; i++) {
    const p = positionProblem(line[i], `${path}[${i}]`);
    if (p) {
      out.push(p);
      return;
    }
  }
}

function checkPolygon(
  poly: unknown,
  path: string,
  out: string[],
  warnings: string[],
  topology: boolean,
) {
  if (!Array.isArray(poly) || poly.length === 0) {
    out.push(`${path} is not a polygon (a list of rings)`);
    return;
  }
  const ok = poly.every((ring, i) => checkRing(ring, `${path}[${i}]`, i === 0, out, warnings));
  if (!ok || !topology) return;
  const first = firstCrossing(poly as Pos[][]);
  if (first)
    out.push(`${path} crosses itself near [${first.map((n) => Number(n.toFixed(5))).join(', ')}]`);
}

/**
 * Checks a feature's geometry (and that no crs member is present). With `topology` false the
 * self-intersection test is skipped (the app's loader: CI has run it on the data).
 */
export function checkGeometry(
  feature: Record<string, unknown>,
  where: Where,
  topology = true,
): Problem[] {
  const errors: string[] = [];
  const warnings: string[] = [];
  if ('crs' in feature)
    errors.push(
      'the feature has a "crs" member, which RFC 7946 removed (coordinates are always WGS 84)',
    );
  const g = feature.geometry as
    | { type?: unknown; coordinates?: unknown; crs?: unknown }
    | null
    | undefined;
  if (typeof g !== 'object' || g === null || Array.isArray(g))
    errors.push('is missing or not an object');
  else {
    if ('crs' in g) errors.push('has a "crs" member, which RFC 7946 removed');
    const c = g.coordinates;
    if (g.type === 'Point') {
      const p = positionProblem(c, 'coordinates');
      if (p) errors.push(p);
    } else if (g.type === 'LineString') checkLine(c, 'coordinates', errors);
    else if (g.type === 'MultiLineString') {
      if (!Array.isArray(c) || c.length === 0) errors.push('coordinates is not a list of lines');
      else
        c.forEach((line, i) => {
          checkLine(line, `coordinates[${i}]`, errors);
        });
    } else if (g.type === 'Polygon') checkPolygon(c, 'coordinates', errors, warnings, topology);
    else if (g.type === 'MultiPolygon') {
      if (!Array.isArray(c) || c.length === 0) errors.push('coordinates is not a list of polygons');
      else
        c.forEach((poly, i) => {
          checkPolygon(poly, `coordinates[${i}]`, errors, warnings, topology);
        });
    }
  }
  return [
    ...errors.map(
      (message): Problem => ({
        severity: 'error',
        ...where,
        property: 'geometry',
        message,
        fix: 'see RFC 7946 §3.1; npm run validate -- --fix rewinds rings',
      }),
    ),
    ...warnings.map(
      (message): Problem => ({
        severity: 'warning',
        ...where,
        property: 'geometry',
        message,
        fix: 'run npm run validate -- --fix to rewind it',
      }),
    ),
  ];
}
