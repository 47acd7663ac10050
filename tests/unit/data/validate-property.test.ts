/**
 * Property test: whatever a valid file is mutated into (character edits, truncation, any JSON
 * value at any property path), validateLayerText never throws, every problem says which file and
 * what is wrong, and a one-report file either yields its report or at least one error, never
 * both and never neither. The seed is fixed so CI runs are reproducible; to explore further, run
 * with FC_SEED=<n> and FC_RUNS=<n>.
 */
import { readFileSync } from 'node:fs';
import kinks from '@turf/kinks';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import type { LayerKind } from '../../../src/data/types';
import { contextOf, type ValidationContext } from '../../../src/data/validate/validate';
import { firstKink } from './kinks-reference';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { readLocal, repoUrl } from '../read-local';

const SEED = Number(process.env.FC_SEED ?? 20151023);
const RUNS = Number(process.env.FC_RUNS ?? 600);

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/good/${name}`, import.meta.url), 'utf8');
const REPORT = fixture('report-plain.geojson');
const ZONES = fixture('zones-with-bom.geojson');

let ctx: ValidationContext;
beforeAll(async () => {
  const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
    // Context only: topology (CI's npm run validate, dataset-content) is not what this tests.
    topology: false,
  });
  if (!dataset) throw new Error('data/dataset.json did not load');
  ctx = contextOf(dataset.manifest, dataset.posts);
});

type Path = (string | number)[];
/** Every path in a JSON value, plus a new key beside each object member. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]));
  } else if (typeof value === 'object' && value !== null) {
    out.push([...at, 'extra']);
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  }
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

/** Sets (or with `undefined`, deletes) the value at `path` of a copy of `root`. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Characters that matter to JSON and to our rules, to insert besides arbitrary text. */
const TOKENS = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\uFEFF',
  '\u0000',
  '\n',
  'NaN',
  '1e999',
  '-0',
  'null',
  '<script>',
  'javascript:',
  '"type":"Feature",',
  '"crs":{},',
  '"title":"dup",',
);

type Mutation = (text: string) => string;

function mutations(text: string): fc.Arbitrary<Mutation> {
  const value = JSON.parse(text.replace(/^\uFEFF/, ''));
  const paths = pathsOf(value);
  const members = paths.filter(
    (p) => typeof p[p.length - 1] === 'string' && getAt(value, p) !== undefined,
  );
  const pos = fc.nat();
  const edit = (f: (t: string, at: number) => string) =>
    pos.map(
      (n): Mutation =>
        (t) =>
          f(t, t.length ? n % (t.length + 1) : 0),
    );
  return fc.oneof(
    // Delete a run of characters.
    fc.tuple(pos, fc.integer({ min: 1, max: 40 })).map(
      ([n, len]): Mutation =>
        (t) => {
          const at = t.length ? n % t.length : 0;
          return t.slice(0, at) + t.slice(at + len);
        },
    ),
    // Insert arbitrary text or a JSON-significant token.
    fc.tuple(pos, fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), TOKENS)).map(
      ([n, s]): Mutation =>
        (t) => {
          const at = t.length ? n % (t.length + 1) : 0;
          return t.slice(0, at) + s + t.slice(at);
        },
    ),
    // Replace one character.
    fc.tuple(pos, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(
      ([n, c]): Mutation =>
        (t) => {
          const at = t.length ? n % t.length : 0;
          return t.slice(0, at) + c + t.slice(at + 1);
        },
    ),
    // Truncate.
    edit((t, at) => t.slice(0, at)),
    // Give an object member a second, earlier copy with any value: a duplicate key.
    fc.tuple(fc.constantFrom(...members), fc.anything({ maxDepth: 2 })).map(
      ([path, v]): Mutation =>
        () => {
          const mark = '\u0001duplicate\u0001';
          const marked = JSON.stringify(setAt(value, path, mark), null, 1);
          const key = JSON.stringify(path[path.length - 1]);
          const first = JSON.stringify(v) ?? 'null';
          return marked.replace(
            JSON.stringify(mark),
            `${first}, ${key}: ${JSON.stringify(getAt(value, path))}`,
          );
        },
    ),
    // Put any JSON value (or nothing) at any property path of the original.
    fc
      .tuple(
        fc.constantFrom(...paths),
        fc.option(fc.anything({ maxDepth: 3 }), { nil: undefined }),
        fc.boolean(),
      )
      .map(
        ([path, v, pretty]): Mutation =>
          () => {
            const mutated = setAt(value, path, v);
            return JSON.stringify(mutated, null, pretty ? 2 : undefined) ?? '';
          },
      ),
  );
}

function check(kind: LayerKind, original: string, singleFeature: boolean, runs: number) {
  fc.assert(
    fc.property(fc.array(mutations(original), { minLength: 1, maxLength: 4 }), (edits) => {
      const text = edits.reduce((t, m) => m(t), original);
      const file = 'mutated.geojson';
      const { features, problems } = validateLayerText(kind, text, file, ctx);
      for (const p of problems) {
        expect(p.file).toBe(file);
        expect(typeof p.message).toBe('string');
        expect(p.message.trim()).not.toBe('');
        expect(['error', 'warning']).toContain(p.severity);
      }
      const errors = problems.filter((p) => p.severity === 'error');
      if (singleFeature) {
        // Either the report passes, or at least one error says why: never both, never neither.
        expect(features.length).toBeLessThanOrEqual(1);
        if (features.length === 1) expect(errors).toEqual([]);
        else expect(errors.length).toBeGreaterThan(0);
      }
    }),
    { seed: SEED, numRuns: runs },
  );
}

describe('validateLayerText on mutated files', () => {
  it('the unmutated files pass', () => {
    expect(validateLayerText('reports', REPORT, 'r', ctx).features).toHaveLength(1);
    expect(validateLayerText('zones', ZONES, 'z', ctx).features).toHaveLength(1);
  });

  it('never throws on a mutated one-report file, and reports or rejects it', () => {
    check('reports', REPORT, true, RUNS);
  }, 20_000);

  it('never throws on a mutated zones collection', () => {
    check('zones', ZONES, false, Math.ceil(RUNS / 2));
  }, 20_000);
});

describe('firstKink', () => {
  // Grid points make collinear, touching and repeated vertices common; decimals make rounding.
  const coordinate = fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(36.1, 36.2, 36.3, 37.1, 37.7),
    fc.double({ min: 35, max: 38, noNaN: true }),
  );
  const ring = fc
    .tuple(
      fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 12 }),
      fc.boolean(),
    )
    .map(([ps, close]) => (close ? [...ps, ps[0]] : ps));
  const rings = fc
    .tuple(fc.array(ring, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([rs, repeat]) => (repeat ? [...rs, rs[0]] : rs));

  it('finds the same first crossing as @turf/kinks, to the last bit', () => {
    fc.assert(
      fc.property(rings, (rs) => {
        const theirs = kinks({ type: 'Polygon', coordinates: rs }).features[0]?.geometry
          .coordinates;
        expect(firstKink(rs)).toEqual(theirs ?? null);
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
  });

  it('finds the bowtie crossing and none in a square', () => {
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(firstKink([bowtie])).toEqual([0.5, 0.5]);
    expect(
      firstKink([
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ]),
    ).toBeNull();
  });
});
