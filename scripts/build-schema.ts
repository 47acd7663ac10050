/** `npm run build-schema`: writes data/schema/*.schema.json from src/data/json-schema.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringifyData } from '../src/data/format-json';
import { buildJsonSchemas } from '../src/data/json-schema';
import { refuseArguments } from './lib/cli-args';

refuseArguments('build-schema', 'usage: npm run build-schema');

const dir = join(import.meta.dirname, '..', 'data', 'schema');
await mkdir(dir, { recursive: true });
for (const [name, schema] of Object.entries(buildJsonSchemas())) {
  await writeFile(join(dir, name), stringifyData(schema));
  console.log(`wrote data/schema/${name}`);
}
