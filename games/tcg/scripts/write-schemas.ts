/** Writes the published JSON Schemas to games/tcg/schema/ (a test keeps them up to date). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { publishedSchemas } from '../src/schema/published.ts';

for (const [file, schema] of Object.entries(publishedSchemas)) {
  const path = join(import.meta.dirname, '..', 'schema', file);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(schema), { ...options, filepath: path }));
}
