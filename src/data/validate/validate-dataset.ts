/**
 * Rules across files, run once every file is loaded: ids unique across the dataset. (Zones
 * overlapping in space and time: validate-topology.ts.)
 */
import type { Problem } from '../problems';

export interface Located<F> {
  feature: F;
  file: string;
}

/** Returns problems for ids used more than once across files, naming the other file. */
export function checkUniqueIds(all: Located<{ id: string }>[]): Problem[] {
  const first = new Map<string, string>();
  const out: Problem[] = [];
  for (const { feature, file } of all) {
    const other = first.get(feature.id);
    if (other !== undefined)
      out.push({
        severity: 'error',
        file,
        featureId: feature.id,
        property: 'id',
        message: `is also used in ${other}`,
        fix: 'give each feature an id of its own (for a report: the file name without .geojson)',
      });
    else first.set(feature.id, file);
  }
  return out;
}
