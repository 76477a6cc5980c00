import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Validates request parts with TypeBox's compiled checks, the same schemas (and checker) the
 * socket uses. Path and query strings are converted to the schema's types first; bodies are
 * checked as sent.
 */
export const typeboxValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  return (value: unknown) => {
    if (httpPart === 'body') return checked(value);
    // Converted in place (a copy of the text is kept to compare).
    const written = typeof value === 'object' && value !== null ? { ...value } : {};
    const converted = Value.Convert(schema, value);
    const misread = misreadNumber(written, converted);
    if (misread !== null) return { error: [refusal(`/${misread}`, NOT_AS_WRITTEN)] };
    return checked(converted);
  };
  function checked(converted: unknown) {
    if (check.Check(converted)) return { value: converted };
    return {
      error: [...check.Errors(converted)]
        .slice(0, 5)
        .map((error) => refusal(error.path, error.message)),
    };
  }
};

const NOT_AS_WRITTEN = 'Expected a number written in plain digits';

const refusal = (instancePath: string, message: string) => ({
  keyword: 'type',
  instancePath,
  schemaPath: '',
  params: {},
  message,
});

/**
 * The first path or query parameter whose number does not read back as written. TypeBox converts
 * an integer's text with `parseInt`, so `1.9`, `1e308`, `0x1` and `true` all read as 1 (and
 * `/seats/1.9/remove` removed seat 1): such text is refused, not taken for another number.
 */
function misreadNumber(written: Record<string, unknown>, converted: unknown): string | null {
  const read = converted as Record<string, unknown>;
  for (const [key, text] of Object.entries(written)) {
    if (typeof text === 'string' && typeof read[key] === 'number' && String(read[key]) !== text)
      return key;
  }
  return null;
}
