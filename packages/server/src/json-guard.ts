import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.ts';

/**
 * Limits every client-sent JSON value must meet before anything reads it: PostgreSQL cannot
 * store a NUL character or a lone surrogate (in `text` or `jsonb`), and a deeply nested value
 * exhausts the stack of whatever walks it (the schema check, the canonical JSON writer,
 * PostgreSQL's JSON parser). Such input is a client's mistake or an attack, never a server error.
 */
export const MAX_JSON_DEPTH = 64;

// A NUL, a high surrogate not followed by a low one, or a low one not after a high one.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Keys that reach an object's prototype when code copies them (`Object.assign`, a spread into
 * a plain object, a merge): `__proto__`, and `constructor` holding a `prototype`. Fastify's body
 * parser already refuses both; this refuses them wherever else JSON comes in (socket frames,
 * page cursors), so no copy anywhere can be turned against the server.
 */
const pollutes = (key: string, value: unknown): boolean =>
  key === '__proto__' ||
  (key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.hasOwnProperty.call(value, 'prototype'));

/**
 * What is wrong with a parsed JSON value (with `where` naming the part, e.g. "body"), or null.
 * Iterative, so a value nested too deep for recursion is still measured safely.
 */
export function unsafeJsonProblem(value: unknown, where: string): string | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: current, depth } = next;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current))
        return `The ${where} holds a NUL character or a lone surrogate.`;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_JSON_DEPTH)
      return `The ${where} is nested deeper than ${MAX_JSON_DEPTH} levels.`;
    for (const [key, item] of Object.entries(current)) {
      if (UNSTORABLE.test(key)) return `The ${where} holds a NUL character or a lone surrogate.`;
      if (pollutes(key, item)) return `The ${where} holds a "${key}" key (prototype pollution).`;
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses, before validation, any request whose body, path parameters or query break the
 * limits above: `400 BAD_REQUEST`, logged as a client error. Socket frames are checked in
 * `socket.ts` with the same function.
 */
export function registerJsonGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const parts = { body: request.body, path: request.params, query: request.query };
    for (const [where, value] of Object.entries(parts)) {
      const problem = unsafeJsonProblem(value, where);
      if (problem === null) continue;
      request.log.info({ code: 'BAD_REQUEST', problem }, 'client error');
      return reply.code(400).send(errorBody('BAD_REQUEST', problem));
    }
  });
}
