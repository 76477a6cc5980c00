/** Small builders that keep the JSON Schemas readable. Every object is closed (no extra keys). */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

export const int = (minimum = 0, maximum?: number): JsonSchema =>
  maximum === undefined ? { type: 'integer', minimum } : { type: 'integer', minimum, maximum };

export const text = (description?: string): JsonSchema =>
  description ? { type: 'string', minLength: 1, description } : { type: 'string', minLength: 1 };

export const oneOfStrings = (...values: readonly string[]): JsonSchema => ({
  type: 'string',
  enum: [...values],
});

export const list = (items: JsonSchema, minItems = 0): JsonSchema => ({
  type: 'array',
  items,
  ...(minItems > 0 ? { minItems } : {}),
});

/** A map from names to `values`; a name is a lowercase letter, then letters, digits, `_` or `-`. */
export const record = (values: JsonSchema): JsonSchema => ({
  type: 'object',
  propertyNames: {
    pattern: '^[a-z][a-zA-Z0-9_-]*$',
    description: 'a name: a lowercase letter, then letters, digits, _ or -',
  },
  additionalProperties: values,
});

export function closed(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = Object.keys(properties),
  extra: JsonSchema = {},
): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...required],
    properties,
    ...extra,
  };
}

/** An object tagged by `tag`, one closed shape per tag value (JSON Schema + OpenAPI discriminator). */
export function tagged(tag: string, branches: readonly string[]): JsonSchema {
  return {
    type: 'object',
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: branches.map(ref),
  };
}

/**
 * An object with exactly one "head" key out of `heads`, whose shape depends on that head
 * (`{"count": ..., "op": ..., "value": ...}` vs `{"exists": ...}`): precise errors without a tag.
 */
export function headed(heads: Record<string, JsonSchema>): JsonSchema {
  const names = Object.keys(heads);
  return {
    type: 'object',
    minProperties: 1,
    oneOf: names.map((head) => ({ required: [head] })),
    allOf: names.map((head) => ({ if: { required: [head] }, then: heads[head] })),
    description: `an object with exactly one of: ${names.join(', ')}`,
  };
}
