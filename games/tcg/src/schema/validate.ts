import type { ErrorObject } from 'ajv/dist/2020.js';
import { didYouMean } from '@cardtable/engine';
import type { JsonSchema } from './helpers.ts';
import { SCHEMAS } from './published.ts';
// Compiled from SCHEMAS ahead of time (scripts/validators-code.ts), so no process compiles one.
import * as validators from './validators.generated.js';

export type ContentWarning =
  'SELECTOR_SELECTS_NOTHING' | 'STALE_TEXT' | 'CHOOSER_CANNOT_SEE' | 'SELF_LEFT_THE_BOARD';

/** One thing wrong with a document: where (`cards[3].abilities[0].effects[1].amount`) and what. */
export interface ContentProblem {
  path: string;
  message: string;
  /**
   * Loads, but is almost certainly a mistake: `loadContent` passes it on as a warning (with this
   * code) instead of refusing the content. A selector word that selects nothing in this ruleset;
   * a card's `text` that is not the text the engine generates for it (the engine shows its own);
   * a player's pick among cards they cannot see (it always finds nothing); a "when this dies"
   * ability that acts on the unit that died (it has left the board: it finds nothing).
   */
  warning?: ContentWarning;
}

export const describeProblem = (problem: ContentProblem): string =>
  problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;

/** Checks a document against one of the published schemas; every problem names its path. */
export function checkSchema(kind: keyof typeof SCHEMAS, document: unknown): ContentProblem[] {
  const validate = validators[kind];
  if (validate(document)) return [];
  return formatErrors(validate.errors ?? [], SCHEMAS[kind]);
}

/** A JSON Pointer (`/cards/3/amount`) as a readable path (`cards[3].amount`). */
export function readablePath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const join = (pointer: string, key: string) => readablePath(`${pointer}/${key}`);

function formatErrors(errors: readonly ErrorObject[], root: JsonSchema): ContentProblem[] {
  // One problem per path: the first error Ajv reports there is the most specific one.
  const byPath = new Map<string, ContentProblem>();
  for (const error of errors) {
    if (isHeadProbe(error)) continue;
    const problem = describe(error, root);
    if (problem && !byPath.has(problem.path)) byPath.set(problem.path, problem);
  }
  return [...byPath.values()];
}

/** The `{required: [head]}` probes of `headed` and of effects/lua choices: their oneOf says it all. */
function isHeadProbe(error: ErrorObject): boolean {
  const schema = error.parentSchema as JsonSchema | undefined;
  return error.keyword === 'required' && schema !== undefined && Object.keys(schema).length === 1;
}

function describe(error: ErrorObject, root: JsonSchema): ContentProblem | null {
  const at = error.instancePath;
  const path = readablePath(at);
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return null;
    case 'required': {
      const missing = String(params.missingProperty);
      const field = (schema.properties as Record<string, JsonSchema> | undefined)?.[missing];
      const hint = field ? expected(resolve(field, root), root) : null;
      return { path: join(at, missing), message: hint ? `is required: ${hint}` : 'is required' };
    }
    case 'additionalProperties': {
      const known = Object.keys((schema.properties as object | undefined) ?? {});
      const field = String(params.additionalProperty);
      return {
        path: join(at, field),
        message: `is not a known field here${known.length ? ` (known: ${known.join(', ')})` : ''}${didYouMean(field, known)}`,
      };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error === 'tag')
        return { path: join(at, tag), message: 'is required and must be a string' };
      const values = discriminatorValues(schema, tag);
      const typed = String(params.tagValue);
      return {
        path: join(at, tag),
        message: `"${typed}" is not one of: ${values.join(', ')}${didYouMean(typed, values)}`,
      };
    }
    case 'oneOf':
    case 'anyOf':
      return {
        path,
        message: `must be ${String(schema.description ?? 'one of the allowed shapes')}`,
      };
    case 'type':
    case 'minimum':
    case 'maximum':
      return { path, message: `must be ${typeDescription(schema)}` };
    case 'enum': {
      const values = schema.enum as unknown[];
      const strings = values.filter((v): v is string => typeof v === 'string');
      const typed = typeof error.data === 'string' ? didYouMean(error.data, strings) : '';
      return {
        path,
        message: `must be one of: ${values.map((v) => JSON.stringify(v)).join(', ')}${typed}`,
      };
    }
    case 'const':
      return { path, message: `must be ${JSON.stringify(schema.const)}` };
    case 'pattern':
      // A map's key (`cardTypes`, `keywords`, ...) that is not a name: say which key, at the key.
      if (error.propertyName !== undefined)
        return {
          path: join(at, error.propertyName),
          message: `is not allowed as a key here: it must be ${String(schema.description ?? `text matching ${String(schema.pattern)}`)}`,
        };
      return {
        path,
        message: `must be ${String(schema.description ?? `text matching ${String(schema.pattern)}`)}`,
      };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'minItems':
      return { path, message: `must have at least ${entries(Number(params.limit))}` };
    case 'maxItems':
      return { path, message: `must have at most ${entries(Number(params.limit))}` };
    case 'minProperties':
      return { path, message: `must be ${String(schema.description ?? 'a non-empty object')}` };
    case 'propertyNames':
      return null; // the key's own error (above) names it
    case 'false schema':
      return { path, message: 'is not allowed here' };
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

function typeDescription(schema: JsonSchema): string {
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    const noun = type === 'integer' ? 'an integer' : 'a number';
    const min = schema.minimum as number | undefined;
    const max = schema.maximum as number | undefined;
    if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
    if (min !== undefined) return `${noun} >= ${min}`;
    if (max !== undefined) return `${noun} <= ${max}`;
    return noun;
  }
  if (typeof schema.description === 'string') return schema.description;
  const names: Record<string, string> = {
    string: 'a string',
    object: 'an object',
    array: 'a list',
    boolean: 'true or false',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

/** A schema's `#/$defs/...` reference followed to its definition (one level is all the schemas use). */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  return defs[ref.slice('#/$defs/'.length)] ?? schema;
}

/**
 * What a missing field must hold, so a creator can write it without the schema at hand: its
 * values, its type, or for an object its required fields and theirs (one level deep).
 */
function expected(schema: JsonSchema, root: JsonSchema, nested = false): string | null {
  if (Array.isArray(schema.enum))
    return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const required = schema.required as string[] | undefined;
  if (schema.type === 'object' && required?.length && !nested) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const fields = required.map((name) => {
      const field = properties[name];
      const what = field ? expected(resolve(field, root), root, true) : null;
      return what ? `${name} (${what})` : name;
    });
    return `an object with ${fields.join(', ')}`;
  }
  if (typeof schema.description === 'string') return schema.description;
  return schema.type === undefined ? null : typeDescription(schema);
}

function discriminatorValues(schema: JsonSchema, tag: string): string[] {
  const branches = (schema.oneOf as { $ref: string }[] | undefined) ?? [];
  return branches.map((branch) => {
    const name = branch.$ref.split('/').pop() as string;
    return name.slice(name.indexOf('_') + 1) || tag;
  });
}

/** `1 entry`, `3 entries`: a list's bound in words rather than `item(s)`. */
const entries = (count: number): string => `${count} ${count === 1 ? 'entry' : 'entries'}`;
