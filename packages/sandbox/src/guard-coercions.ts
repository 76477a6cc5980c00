import luaparse, { type LuaNode } from 'luaparse';
import { blankAttributes } from './tooling/lua54-attributes.ts';

export type GuardResult =
  { ok: true; source: string } | { ok: false; message: string; line?: number };

const BITWISE = new Set(['&', '|', '~', '<<', '>>']);

/**
 * Lua converts a string to a number, with musl's strtod (up to ~125 us for "1e308"), inside
 * a single instruction in two places no metamethod controls: numeric for-loop bounds and bitwise
 * operands. So those expressions are wrapped in a guard that refuses strings:
 * `for i = 1, n` becomes `for i = 1, G(n)`. Only text is inserted, never a newline, so every
 * line keeps its number. Scripts without such expressions are returned unchanged.
 */
export function guardCoercions(source: string): GuardResult {
  let chunk: LuaNode;
  try {
    chunk = luaparse.parse(blankAttributes(source), {
      luaVersion: '5.3',
      ranges: true,
      comments: false,
    });
  } catch (error) {
    const line = (error as { line?: number }).line;
    const message = `the sandbox could not analyse this script: ${error instanceof Error ? error.message : String(error)}`;
    return line === undefined ? { ok: false, message } : { ok: false, message, line };
  }
  const guarded: [number, number][] = [];
  visit(chunk, (node) => {
    if (node.type === 'ForNumericStatement') {
      for (const part of [node.start, node.end, node.step])
        if (needsGuard(part)) guarded.push(range(part));
    } else if (node.type === 'BinaryExpression' && BITWISE.has(node.operator as string)) {
      for (const part of [node.left, node.right]) if (needsGuard(part)) guarded.push(range(part));
    } else if (
      node.type === 'UnaryExpression' &&
      node.operator === '~' &&
      needsGuard(node.argument)
    ) {
      guarded.push(range(node.argument as LuaNode));
    }
  });
  if (guarded.length === 0) return { ok: true, source };

  const alias = uniqueName(source);
  const inserts = new Map<number, string>();
  for (const [start, end] of guarded) {
    inserts.set(start, (inserts.get(start) ?? '') + `${alias}(`);
    inserts.set(end, ')' + (inserts.get(end) ?? ''));
  }
  let out = '';
  let from = 0;
  for (const at of [...inserts.keys()].sort((a, b) => a - b)) {
    out += source.slice(from, at) + (inserts.get(at) ?? '');
    from = at;
  }
  out += source.slice(from);
  // A local taken before any creator code runs: the script cannot replace the guard.
  return { ok: true, source: `local ${alias} = __sandbox_num; ${out}` };
}

function isNode(value: unknown): value is LuaNode {
  return typeof value === 'object' && value !== null && typeof (value as LuaNode).type === 'string';
}

function needsGuard(node: unknown): node is LuaNode {
  if (!isNode(node)) return false;
  if (node.type === 'NumericLiteral') return false;
  return !(
    node.type === 'UnaryExpression' &&
    isNode(node.argument) &&
    node.argument.type === 'NumericLiteral'
  );
}

function range(node: LuaNode): [number, number] {
  const [start, end] = node.range as [number, number];
  return [start, end];
}

function visit(node: unknown, fn: (node: LuaNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
    return;
  }
  if (!isNode(node)) return;
  fn(node);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'range' && key !== 'loc' && typeof value === 'object') visit(value, fn);
  }
}

function uniqueName(source: string): string {
  let n = 0;
  while (source.includes(`__guard${n}`)) n++;
  return `__guard${n}`;
}
