/**
 * Positions for places that no gazetteer lists, derived ONLY from a source's own verbal
 * description, step by step, so the derivation can be checked and repeated.
 * Run: npx tsx scripts/place-from-description.ts   (prints JSON; writes nothing)
 *
 * Anchor: GeoNames 170063 "Aleppo" (https://www.geonames.org/170063), [37.16117, 36.20124],
 * the city's reference point. Distances are along the ground (great circle), bearings are
 * degrees clockwise from north. "A few kilometres" is read as 4 km; "hundreds of metres" as
 * 0.5 km. These readings are choices, not facts: the uncertainty radius covers them.
 */
import destination from '@turf/destination';
import { point } from '@turf/helpers';
import { refuseArguments } from './lib/cli-args';

refuseArguments('place-from-description', 'usage: npx tsx scripts/place-from-description.ts');

const ALEPPO: [number, number] = [37.16117, 36.20124];

interface Step {
  km: number;
  bearing: number;
  why: string;
}

interface Derivation {
  id: string;
  source: string;
  steps: Step[];
  uncertainty_m: number;
}

const DERIVATIONS: Derivation[] = [
  {
    id: 'tel-qurha',
    source:
      'The Interpreter / James Miller, 23 Oct 2015: a regime army base lies a few km southwest of Aleppo, and Tel Qurha (with al-Qarassi) a few hundred metres south of that base',
    steps: [
      { km: 4, bearing: 225, why: '"a few kilometres southwest of Aleppo" (the base)' },
      { km: 0.5, bearing: 180, why: '"hundreds of metres south" of the base' },
    ],
    uncertainty_m: 3000,
  },
  {
    id: 'al-qarassi',
    source:
      'Syrian Ministry of Information (moi.gov.sy, article NTM3MA==): al-Qarassi and its depots lie about 16 km south of Aleppo city',
    steps: [{ km: 16, bearing: 180, why: '"about 16 km south of Aleppo"' }],
    uncertainty_m: 4000,
  },
];

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

const out = DERIVATIONS.map((d) => {
  let at = point(ALEPPO);
  const trail: { km: number; bearing: number; why: string; to: [number, number] }[] = [];
  for (const s of d.steps) {
    at = destination(at, s.km, s.bearing, { units: 'kilometers' });
    const [lon, lat] = at.geometry.coordinates;
    trail.push({ ...s, to: [round5(lon), round5(lat)] });
  }
  return {
    id: d.id,
    source: d.source,
    from: ALEPPO,
    steps: trail,
    coordinates: trail[trail.length - 1].to,
    uncertainty_m: d.uncertainty_m,
  };
});

console.log(JSON.stringify(out, null, 1));
