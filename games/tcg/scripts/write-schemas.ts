/**
 * Writes what is generated from the content schemas: the published JSON Schemas in
 * games/tcg/schema/ and the validators' code in src/schema/ (tests keep both up to date).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { publishedSchemas } from '../src/schema/published.ts';
import { GENERATED_TYPES, GENERATED_VALIDATORS, validatorsCode } from './validators-code.ts';

for (const [file, schema] of Object.entries(publishedSchemas)) {
  const path = join(import.meta.dirname, '..', 'schema', file);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(schema), { ...options, filepath: path }));
}
const { code, types } = await validatorsCode();
writeFileSync(GENERATED_VALIDATORS, code);
writeFileSync(GENERATED_TYPES, types);
