import type { Static, TLiteral, TSchema, TUnion } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

/** Where a value that is no message of the union goes wrong (a JSON pointer), and how. */
export type MessageProblem = {
  path: string;
  problem: string;
};

type MessageUnion = TUnion<(TSchema & { properties: { type: TLiteral<string> } })[]>;

/**
 * A compiled check of a union of client messages told apart by `type`. The union's own errors
 * say only "union value"; a refusal checks the message against its type's branch, so it names
 * the field at fault, or lists the known types when `type` is none of them.
 */
export class MessageCheck<Union extends MessageUnion> {
  readonly #whole;
  readonly #byType;

  constructor(union: Union) {
    this.#whole = TypeCompiler.Compile(union);
    this.#byType = new Map(
      union.anyOf.map((branch) => [branch.properties.type.const, TypeCompiler.Compile(branch)]),
    );
  }

  check(value: unknown): value is Static<Union> {
    return this.#whole.Check(value);
  }

  problemOf(value: unknown): MessageProblem {
    const type = (value as { type?: unknown } | null)?.type;
    const branch = typeof type === 'string' ? this.#byType.get(type) : undefined;
    if (!branch) {
      return { path: '/type', problem: `must be one of ${[...this.#byType.keys()].join(', ')}` };
    }
    const first = branch.Errors(value).First();
    return { path: first?.path ?? '', problem: first?.message ?? 'invalid' };
  }
}
