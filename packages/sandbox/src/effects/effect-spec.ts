/** A value an effect command carries: integers (never floats), strings, booleans, lists. */
export type EffectValue = string | number | boolean | EffectValue[];

/** One command emitted by a script, applied by the game engine. */
export interface Effect {
  type: string;
  args: Record<string, EffectValue>;
}

/**
 * One positional parameter of an effect function. `ref` is an entity id: a string or an integer,
 * or a table with an `id` field (so scripts can pass a unit from `state` directly).
 */
export type ParamSpec =
  | { name: string; type: 'integer'; min?: number; max?: number; optional?: boolean }
  | {
      name: string;
      type: 'string';
      maxBytes?: number;
      oneOf?: readonly string[];
      optional?: boolean;
    }
  | { name: string; type: 'boolean'; optional?: boolean }
  | { name: string; type: 'ref'; optional?: boolean }
  | {
      name: string;
      type: 'list';
      of: 'ref' | 'integer' | 'string';
      minItems?: number;
      maxItems?: number;
      optional?: boolean;
    };

/**
 * An effect function offered to scripts. The host registers these; the sandbox validates each
 * call against `params` (and then `check`) before the command is recorded.
 */
export interface EffectSpec {
  name: string;
  params: readonly ParamSpec[];
  /** Cross-argument rules; returns a message when the arguments are wrong. */
  check?: (args: Readonly<Record<string, EffectValue>>) => string | undefined;
  /** One line for creators (shown by tooling). */
  summary?: string;
  /** A call with valid arguments, as a creator would write it (documentation and tests). */
  example?: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws on a malformed registry: a host bug, found at startup. */
export function assertValidEffectSpecs(
  specs: readonly EffectSpec[],
  reserved: ReadonlySet<string>,
) {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (!IDENTIFIER.test(spec.name))
      throw new Error(`Effect name is not an identifier: ${spec.name}`);
    if (reserved.has(spec.name))
      throw new Error(`Effect name is reserved by the sandbox: ${spec.name}`);
    if (seen.has(spec.name)) throw new Error(`Effect registered twice: ${spec.name}`);
    seen.add(spec.name);
    let optionalSeen = false;
    for (const param of spec.params) {
      if (param.optional) optionalSeen = true;
      else if (optionalSeen) {
        throw new Error(
          `Effect ${spec.name}: required parameter ${param.name} after an optional one`,
        );
      }
    }
  }
}
