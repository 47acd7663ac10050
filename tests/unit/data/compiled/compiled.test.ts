/**
 * The precompiled dataset (src/data/compiled/): encode → decode gives back what the GeoJSON
 * loader gives (dataset, problems, zone mesh), and the app opens a compiled file only when it is
 * intact, made by the same code, and every source still has the hash it was compiled from.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCompiled, decodeCompiled, encodeCompiled } from '../../../../src/data/compiled/codec';
import { ringVertices } from '../../../../src/data/compiled/ring-vertices';
import { compileDataset } from '../../../../src/data/compiled/compile';
import {
  FORMAT_VERSION,
  readHeader,
  readSourceTable,
  SECTION,
} from '../../../../src/data/compiled/format';
import { openCompiled } from '../../../../src/data/compiled/open';
import { loadDataset } from '../../../../src/data/load/load';
import { buildMapFeatures } from '../../../../src/data/map-features';
import { featuresWithMeshOnce } from '../../../../src/data/zones/zone-mesh';
import { readLocalBytes } from '../../../../scripts/lib/compile-local';
import { startServer, type StaticServer } from '../../../e2e/server';
import { readLocal } from '../../read-local';

const ROOT = resolve(import.meta.dirname, '../../../..');
const CODE = 'ab'.repeat(32);
const fileUrl = (path: string) => pathToFileURL(join(ROOT, path)).href;

/** What the GeoJSON path gives the map for a manifest (as the loading worker builds it). */
async function fromGeoJson(url: string, read = readLocal) {
  const { dataset, problems } = await loadDataset(url, read, undefined, { topology: false });
  if (!dataset) throw new Error('no dataset');
  const features = featuresWithMeshOnce()(dataset);
  return { dataset, problems, zoneMesh: features.zoneMesh };
}

const sameBytes = (a: ArrayBufferView, b: ArrayBufferView | undefined) =>
  !!b &&
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );

describe('compiled dataset: round trip', () => {
  for (const manifest of [
    'data/dataset.json',
    'tests/fixtures/mini/dataset.json',
    'tests/fixtures/broken/dataset.json',
    'tests/fixtures/pixels/dataset.json',
    'tests/fixtures/hostile/dataset.json',
    'tests/fixtures/desk/dataset.json',
  ])
    it(`decodes to the same dataset, problems and mesh: ${manifest}`, async () => {
      const url = fileUrl(manifest);
      const { bytes, sources } = await compileDataset(url, readLocalBytes, CODE);
      if (!bytes) throw new Error('nothing compiled');
      const header = await checkCompiled(bytes);
      expect(header.codeHash).toBe(CODE);
      expect(header.sources).toEqual(sources);
      expect(sources[0].path).toBe('');
      expect(bytes.length % 8).toBe(0);
      const decoded = decodeCompiled(bytes, header, url);
      const expected = await fromGeoJson(url);
      expect(decoded.dataset).toEqual(expected.dataset);
      expect(decoded.problems).toEqual(expected.problems);
      expect(decoded.zoneMesh.zones).toEqual(expected.zoneMesh?.zones);
      // The buffers byte for byte (toEqual walks a typed array element by element: slow).
      for (const k of ['vertices', 'fillVertices', 'indices'] as const)
        expect(sameBytes(decoded.zoneMesh[k], expected.zoneMesh?.[k]), k).toBe(true);
      // The zones' geometries stayed packed; the edges rebuilt from GeoJSON geometries agree.
      expect(decoded.zonesPacked).not.toBeNull();
      const fromGeometries = ringVertices(
        decoded.zoneMesh.zones,
        expected.dataset.zones,
        expected.dataset.manifest.factions.map((f) => f.id),
      );
      expect(sameBytes(fromGeometries, decoded.zoneMesh.vertices)).toBe(true);
      // No zone here spans 65,536 fill vertices: the triangles are stored as 16-bit offsets.
      const ids = [...header.sections.keys()];
      expect(ids).toContain(SECTION.meshIndices16);
      expect(ids).not.toContain(SECTION.meshIndices);
      // The fill vertices' codes run-length, and every position here has at most 7 decimals:
      // stored as 32-bit integers of 10^-7 degrees, back to the same doubles (toEqual above).
      expect(ids).toEqual(expect.arrayContaining([SECTION.meshFillXY, SECTION.meshFillCodeRuns]));
      expect(ids).toContain(SECTION.geometryCoordsE7);
      expect(ids).not.toContain(SECTION.geometryCoords);
    }, 60_000);

  it('keeps the positions as doubles when one is not a whole number of 10^-7 degrees', async () => {
    const url = fileUrl('tests/fixtures/mini/dataset.json');
    const { dataset, problems, zoneMesh } = await fromGeoJson(url);
    if (!zoneMesh) throw new Error('no mesh');
    const sources = [{ path: '', sha256: 'cd'.repeat(32) }];
    const roundTrip = async (lon: number) => {
      // The first zone's first position moved to `lon`.
      const zones = structuredClone(dataset.zones);
      const g = zones[0].geometry;
      const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
      ring[0][0] = lon;
      ring[ring.length - 1][0] = lon;
      const content = { dataset: { ...dataset, zones }, problems, zoneMesh };
      const bytes = await encodeCompiled(content, sources, CODE);
      const header = await checkCompiled(bytes);
      const decoded = decodeCompiled(bytes, header, url);
      const back = decoded.dataset.zones[0].geometry;
      const first = back.type === 'Polygon' ? back.coordinates[0][0] : back.coordinates[0][0][0];
      return { ids: [...header.sections.keys()], first: first[0], zones: decoded.dataset.zones };
    };
    const exact = await roundTrip(36.1234567);
    expect(exact.ids).toContain(SECTION.geometryCoordsE7);
    expect(exact.first).toBe(36.1234567);
    for (const lon of [36.12345678, -0, 36 + 1e-9]) {
      const kept = await roundTrip(lon);
      expect(kept.ids, String(lon)).toContain(SECTION.geometryCoords);
      expect(kept.ids).not.toContain(SECTION.geometryCoordsE7);
      expect(Object.is(kept.first, lon), String(lon)).toBe(true);
    }
  });

  it('stores the triangles as 32-bit indices when a zone spans more than 65,536 fill vertices', async () => {
    const url = fileUrl('tests/fixtures/mini/dataset.json');
    const { dataset, problems, zoneMesh } = await fromGeoJson(url);
    if (!zoneMesh) throw new Error('no mesh');
    const sources = [{ path: '', sha256: 'cd'.repeat(32) }];
    // The same mesh, but the first zone's one triangle reaches from fill vertex 0 to 65,536.
    const wide = {
      ...zoneMesh,
      fillVertices: new Float32Array(65_537 * 3),
      indices: Uint32Array.from([0, 40_000, 65_536]),
      zones: zoneMesh.zones.map((z, i) => ({
        ...z,
        fillFirst: i === 0 ? 0 : 3,
        fillCount: i === 0 ? 3 : 0,
      })),
    };
    const encode = async (mesh: typeof wide) => {
      const bytes = await encodeCompiled({ dataset, problems, zoneMesh: mesh }, sources, CODE);
      const header = await checkCompiled(bytes);
      return { header, decoded: decodeCompiled(bytes, header, url) };
    };
    const { header, decoded } = await encode(wide);
    expect([...header.sections.keys()]).toContain(SECTION.meshIndices);
    expect([...header.sections.keys()]).not.toContain(SECTION.meshIndices16);
    expect([...decoded.zoneMesh.indices]).toEqual([0, 40_000, 65_536]);
    // One vertex less, and the offsets fit in 16 bits again.
    const narrow = await encode({ ...wide, indices: Uint32Array.from([1, 40_000, 65_536]) });
    expect([...narrow.header.sections.keys()]).toContain(SECTION.meshIndices16);
    expect([...narrow.decoded.zoneMesh.indices]).toEqual([1, 40_000, 65_536]);
  });

  it('reads the source table from the first bytes of a file still arriving', async () => {
    const url = fileUrl('tests/fixtures/mini/dataset.json');
    const { bytes, sources } = await compileDataset(url, readLocalBytes, CODE);
    if (!bytes) throw new Error('nothing compiled');
    let first = -1;
    for (let n = 0; n < 400 && first < 0; n++) if (readSourceTable(bytes.subarray(0, n))) first = n;
    // Exactly when the last entry's path is in, and then the whole table.
    const last = sources.at(-1)?.path ?? '';
    expect(new TextDecoder().decode(bytes.subarray(first - last.length, first))).toBe(last);
    expect(readSourceTable(bytes.subarray(0, first))).toEqual(sources);
  });

  it('writes the same bytes for the same input', async () => {
    const url = fileUrl('tests/fixtures/mini/dataset.json');
    const a = await compileDataset(url, readLocalBytes, CODE);
    const b = await compileDataset(url, readLocalBytes, CODE);
    expect(a.bytes).toEqual(b.bytes);
  });

  it('records a missing source as missing, and compiles nothing without a usable manifest', async () => {
    const url = fileUrl('tests/fixtures/mini/dataset.json');
    const read = async (u: string) => {
      if (u.endsWith('places.geojson')) throw new Error('HTTP 404 Not Found');
      return readLocalBytes(u);
    };
    const { sources, problems } = await compileDataset(url, read, CODE);
    expect(sources.find((s) => s.path === 'layers/places.geojson')?.sha256).toBe('');
    expect(problems.map((p) => p.message)).toContain('could not be loaded (HTTP 404 Not Found)');
    const none = await compileDataset(fileUrl('tests/fixtures/mini/nope.json'), read, CODE);
    expect(none.bytes).toBeNull();
  });
});

describe('compiled dataset: opened only when it matches', () => {
  let dir: string;
  let server: StaticServer;
  let compiled: Uint8Array;
  let url: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'compiled-'));
    server = await startServer(dir);
    url = `${server.origin}/mini/dataset.json`;
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  /** A fresh copy of the mini fixture with its compiled file, `change` applied to the copy. */
  async function serve(change?: (folder: string) => Promise<void>) {
    const folder = join(dir, 'mini');
    await rm(folder, { recursive: true, force: true });
    await cp(join(ROOT, 'tests/fixtures/mini'), folder, { recursive: true });
    const r = await compileDataset(
      pathToFileURL(join(folder, 'dataset.json')).href,
      readLocalBytes,
      CODE,
    );
    if (!r.bytes) throw new Error('nothing compiled');
    compiled = r.bytes;
    await writeFile(join(folder, 'dataset.compiled.bin'), compiled);
    await change?.(folder);
  }
  const editBin = (edit: (b: Uint8Array) => Uint8Array) => async (folder: string) =>
    writeFile(join(folder, 'dataset.compiled.bin'), edit(new Uint8Array(compiled)));

  it('opens a matching file, with the same dataset, problems and map features', async () => {
    await serve();
    const progress: string[] = [];
    const opened = await openCompiled(url, CODE, (d, t) => progress.push(`${d}/${t}`));
    expect(opened.note).toMatch(/^opened from /);
    const expected = await fromGeoJson(url, opened.read);
    expect(opened.loaded).toEqual({
      dataset: expected.dataset,
      problems: expected.problems,
      features: { ...buildMapFeatures(expected.dataset), zoneMesh: expected.zoneMesh },
    });
    expect(progress.at(-1)).toBe(
      `${readHeader(compiled).sources.length}/${readHeader(compiled).sources.length}`,
    );
  });

  const refused: [string, (folder: string) => Promise<void>, RegExp][] = [
    [
      'one source byte changed',
      async (f) => {
        const path = join(f, 'layers/places.geojson');
        const text = await readFile(path, 'utf8');
        await writeFile(path, text.replace('"kind": "town"', '"kind": "city"'));
      },
      /source changed.*layers\/places\.geojson/,
    ],
    [
      'the manifest changed',
      async (f) => {
        const path = join(f, 'dataset.json');
        await writeFile(path, `${await readFile(path, 'utf8')} `);
      },
      /source changed.*the manifest/,
    ],
    ['no compiled file', async (f) => rm(join(f, 'dataset.compiled.bin')), /none found/],
    ['a truncated file', editBin((b) => b.subarray(0, b.length - 8)), /truncated/],
    ['a file cut inside its header', editBin((b) => b.subarray(0, 40)), /shorter than its header/],
    [
      'a corrupt byte in the body',
      editBin((b) => {
        b[b.length - 100] ^= 1;
        return b;
      }),
      /corrupt/,
    ],
    [
      'another format version',
      editBin((b) => {
        new DataView(b.buffer).setUint32(8, FORMAT_VERSION + 1, true);
        return b;
      }),
      /format version/,
    ],
    ['not a compiled file at all', editBin((b) => b.map(() => 7)), /magic/],
  ];
  for (const [what, change, note] of refused)
    it(`falls back to the GeoJSON: ${what}`, async () => {
      await serve(change);
      const opened = await openCompiled(url, CODE);
      expect(opened.loaded).toBeNull();
      expect(opened.note).toMatch(note);
      // The fall-back reads the bytes already fetched, and loads as usual.
      const { dataset } = await loadDataset(url, opened.read, undefined, { topology: false });
      expect(dataset?.zones).toHaveLength(2);
      if (what === 'one source byte changed')
        expect(dataset?.places[0].properties.kind).toBe('city');
    });

  it('falls back when the file was made by other data code, or this build has no code hash', async () => {
    await serve();
    expect((await openCompiled(url, 'cd'.repeat(32))).note).toMatch(/another version/);
    expect((await openCompiled(url, '')).loaded).toBeNull();
  });
});
