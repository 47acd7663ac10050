import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { stringifyData } from '../../../src/data/format-json';
import { buildJsonSchemas } from '../../../src/data/json-schema';

const root = join(import.meta.dirname, '../../..');
const read = async (p: string) => JSON.parse(await readFile(join(root, p), 'utf8'));
const schemas = buildJsonSchemas();

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const s of Object.values(schemas)) ajv.addSchema(s as object);
  return (name: string, value: unknown) => {
    const validate = ajv.getSchema(`https://conflict-map.invalid/schema/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe('JSON Schema files', () => {
  it('in data/schema are exactly what src/data/schema.ts generates (run npm run build-schema)', async () => {
    const files = (await readdir(join(root, 'data/schema'))).sort();
    expect(files).toEqual(Object.keys(schemas).sort());
    for (const [name, schema] of Object.entries(schemas))
      expect(await readFile(join(root, 'data/schema', name), 'utf8')).toBe(stringifyData(schema));
  });

  it('accept every shipped data file, each naming its schema', async () => {
    const check = validator();
    const named = async (path: string, schema: string) => {
      const value = await read(path);
      expect(value.$schema.endsWith(schema)).toBe(true);
      expect(check(schema, value)).toEqual([]);
    };
    await named('data/dataset.json', 'dataset.schema.json');
    await named('data/posts.json', 'posts.schema.json');
    await named('data/layers/places.geojson', 'places.schema.json');
    await named('data/layers/zones.geojson', 'zones.schema.json');
    const reports = (await readdir(join(root, 'data/reports'), { recursive: true })).filter((f) =>
      f.endsWith('.geojson'),
    );
    expect(reports.length).toBeGreaterThan(0);
    for (const f of reports) await named(`data/reports/${f}`, 'report.schema.json');
  });

  it('reject what the validator rejects: a time without zone, a bad status, a javascript: link', async () => {
    const check = validator();
    const good = await read('data/reports/2015/2015-10-23-judaydah.geojson');
    const bad = {
      ...good,
      properties: {
        ...good.properties,
        reported_at: '2015-10-23 23:34',
        status: 'rumour',
        source_url: 'javascript:alert(1)',
      },
    };
    const errors = check('report.schema.json', bad).join('\n');
    expect(errors).toMatch(/reported_at/);
    expect(errors).toMatch(/status/);
    expect(errors).toMatch(/source_url/);
  });
});
