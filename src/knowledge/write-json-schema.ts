/** `npm run knowledge:schema`: regenerate knowledge/schema/*.schema.json from the zod schemas. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJsonSchemas } from './json-schema.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';

const dir = join(DEFAULT_KNOWLEDGE_DIR, 'schema');
await mkdir(dir, { recursive: true });
for (const [name, text] of renderJsonSchemas()) {
  await writeFile(join(dir, name), text);
  process.stdout.write(`wrote knowledge/schema/${name}\n`);
}
