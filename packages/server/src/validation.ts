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
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    if (check.Check(converted)) return { value: converted };
    return {
      error: [...check.Errors(converted)].slice(0, 5).map((error) => ({
        keyword: 'type',
        instancePath: error.path,
        schemaPath: '',
        params: {},
        message: error.message,
      })),
    };
  };
};
