/** A JSON Schema node, as published by the TCG (`games/tcg/src/schema`). */
export type SchemaNode = Record<string, unknown>;

/**
 * What form control a schema node becomes. Everything the form cannot express plainly
 * (conditions, abilities, selectors' unions) is a JSON field: still edited in place, checked
 * by the validator at that spot.
 */
export type FieldKind =
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'string'; description?: string }
  | { kind: 'enum'; values: string[] }
  | { kind: 'boolean' }
  | { kind: 'const'; value: unknown }
  | { kind: 'object'; properties: [string, SchemaNode][]; required: Set<string> }
  | { kind: 'enumList'; values: string[] }
  | { kind: 'list'; items: SchemaNode }
  | { kind: 'record'; values: SchemaNode }
  | { kind: 'tagged'; tag: string; branches: Map<string, SchemaNode> }
  | { kind: 'json' };

/** Follows `$ref`s into `$defs` of the root. */
export function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let n = 0; n < 20 && typeof current.$ref === 'string'; n++) {
    const name = current.$ref.replace('#/$defs/', '');
    current = ((root.$defs as Record<string, SchemaNode>)[name] ?? {}) as SchemaNode;
  }
  return current;
}

export function fieldKind(raw: SchemaNode, root: SchemaNode): FieldKind {
  const node = resolve(raw, root);
  if ('const' in node) return { kind: 'const', value: node.const };
  const discriminator = node.discriminator as { propertyName?: string } | undefined;
  if (discriminator?.propertyName && Array.isArray(node.oneOf)) {
    const tag = discriminator.propertyName;
    const branches = new Map<string, SchemaNode>();
    for (const branch of node.oneOf as SchemaNode[]) {
      const resolved = resolve(branch, root);
      const tagSchema = (resolved.properties as Record<string, SchemaNode>)?.[tag];
      if (tagSchema && 'const' in tagSchema) branches.set(String(tagSchema.const), resolved);
    }
    return { kind: 'tagged', tag, branches };
  }
  switch (node.type) {
    case 'integer':
      return {
        kind: 'integer',
        ...(typeof node.minimum === 'number' ? { min: node.minimum } : {}),
        ...(typeof node.maximum === 'number' ? { max: node.maximum } : {}),
      };
    case 'string':
      return Array.isArray(node.enum)
        ? { kind: 'enum', values: node.enum as string[] }
        : {
            kind: 'string',
            ...(typeof node.description === 'string' ? { description: node.description } : {}),
          };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array': {
      const items = resolve((node.items ?? {}) as SchemaNode, root);
      if (items.type === 'string' && Array.isArray(items.enum))
        return { kind: 'enumList', values: items.enum as string[] };
      return { kind: 'list', items: node.items as SchemaNode };
    }
    case 'object':
      if (node.properties)
        return {
          kind: 'object',
          properties: Object.entries(node.properties as Record<string, SchemaNode>),
          required: new Set((node.required as string[] | undefined) ?? []),
        };
      if (node.additionalProperties && typeof node.additionalProperties === 'object')
        return { kind: 'record', values: node.additionalProperties as SchemaNode };
      return { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

/** A value to start a new field, list item or record entry with. */
export function emptyValue(raw: SchemaNode, root: SchemaNode): unknown {
  const kind = fieldKind(raw, root);
  switch (kind.kind) {
    case 'integer':
      return kind.min ?? 0;
    case 'string':
      return '';
    case 'enum':
      return kind.values[0];
    case 'boolean':
      return false;
    case 'const':
      return kind.value;
    case 'enumList':
    case 'list':
      return [];
    case 'record':
      return {};
    case 'object':
      return Object.fromEntries(
        kind.properties
          .filter(([key]) => kind.required.has(key))
          .map(([key, schema]) => [key, emptyValue(schema, root)]),
      );
    case 'tagged': {
      const [tag, branch] = [...kind.branches][0]!;
      return { ...(emptyValue(branch, root) as object), [kind.tag]: tag };
    }
    case 'json':
      return {};
  }
}

/** `turnLimit` → `Turn limit`. */
export const labelOf = (key: string): string => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A path joined as the validator writes it: `turn.phases[1].kind`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
