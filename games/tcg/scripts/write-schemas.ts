/** Writes the published JSON Schemas to games/tcg/schema/ (a test keeps them up to date). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas } from '../src/schema/published.ts';

for (const [file, schema] of Object.entries(publishedSchemas))
  writeFileSync(
    join(import.meta.dirname, '..', 'schema', file),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
