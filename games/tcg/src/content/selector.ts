import type { CompareOp, StatName } from './ast.ts';
import { didYouMean } from '@cardtable/engine';

/**
 * The selector mini-language, compiled from the string an author writes to an AST.
 *
 *   expr := term (('&' | '|') term)*     '&' binds tighter than '|'; parentheses group
 *   term := '!' term | '(' expr ')' | atom
 */
export type SelectorNode =
  | { and: SelectorNode[] }
  | { or: SelectorNode[] }
  | { not: SelectorNode }
  | { type: string }
  | { side: 'friendly' | 'enemy' }
  | { zone: string }
  | { state: UnitState }
  | { tag: string }
  | { has: string }
  | { id: string }
  /** Battler: a creature of this type, or energy providing it. */
  | { element: string }
  | { cmp: [StatName, CompareOp, number] }
  /** `self`, `event.subject`, `event.source`, or a binding / forEach variable name. */
  | { ref: string };

export const UNIT_STATES = [
  'damaged',
  'undamaged',
  'ready',
  'exhausted',
  'token',
  'enteredThisTurn',
  'active',
  'benched',
] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export const STAT_NAMES: readonly StatName[] = ['attack', 'health', 'maxHealth', 'cost', 'damage'];
const OPS: readonly CompareOp[] = ['<=', '>=', '!=', '<', '>', '='];

export type ParseResult = { ok: true; node: SelectorNode } | { ok: false; error: string };

const TOKEN = /\s*(\(|\)|&|\||!|[^\s()&|!]+)/y;

export function parseSelector(source: string): ParseResult {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < source.length && (match = TOKEN.exec(source))) tokens.push(match[1]!);
  if (source.slice(TOKEN.lastIndex).trim() !== '') return { ok: false, error: 'unreadable text' };
  if (tokens.length === 0) return { ok: false, error: 'is empty' };
  let at = 0;
  const peek = () => tokens[at];

  const expr = (): SelectorNode => {
    const alternatives = [conjunction()];
    while (peek() === '|') {
      at++;
      alternatives.push(conjunction());
    }
    return alternatives.length === 1 ? alternatives[0]! : { or: alternatives };
  };
  const conjunction = (): SelectorNode => {
    const parts = [term()];
    while (peek() === '&') {
      at++;
      parts.push(term());
    }
    return parts.length === 1 ? parts[0]! : { and: parts };
  };
  const term = (): SelectorNode => {
    const token = tokens[at++];
    if (token === undefined) throw new SyntaxError('ends too early');
    if (token === '!') return { not: term() };
    if (token === '(') {
      const inner = expr();
      if (tokens[at++] !== ')') throw new SyntaxError('has an unclosed "("');
      return inner;
    }
    if (token === ')' || token === '&' || token === '|')
      throw new SyntaxError(`has "${token}" where a term was expected`);
    return atom(token);
  };

  try {
    const node = expr();
    if (at < tokens.length) throw new SyntaxError(`has unexpected "${tokens[at]}"`);
    return { ok: true, node };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function atom(token: string): SelectorNode {
  if (token === 'friendly' || token === 'enemy') return { side: token };
  if ((UNIT_STATES as readonly string[]).includes(token)) return { state: token as UnitState };
  if (token.startsWith('@')) return { zone: nonEmpty(token.slice(1), token) };
  if (token.startsWith('$')) return { ref: nonEmpty(token.slice(1), token) };
  const prefixed = /^(tag|has|id|element):(.+)$/.exec(token);
  if (prefixed) {
    const [, key, value] = prefixed;
    if (key === 'tag') return { tag: value! };
    if (key === 'element') return { element: value! };
    if (key === 'has') return { has: value! };
    return { id: value! };
  }
  for (const op of OPS) {
    const index = token.indexOf(op);
    if (index <= 0) continue;
    const stat = token.slice(0, index);
    const amount = token.slice(index + op.length);
    if (!(STAT_NAMES as readonly string[]).includes(stat))
      throw new SyntaxError(
        `compares an unknown stat "${stat}" (the stats: ${STAT_NAMES.join(', ')})${didYouMean(stat, STAT_NAMES)}`,
      );
    if (!/^-?\d+$/.test(amount))
      throw new SyntaxError(`compares ${stat} with "${amount}", not an integer`);
    return { cmp: [stat as StatName, op, Number(amount)] };
  }
  if (/^[a-zA-Z][\w-]*$/.test(token)) return { type: token };
  throw new SyntaxError(`has an unknown term "${token}"`);
}

function nonEmpty(value: string, token: string): string {
  if (value === '') throw new SyntaxError(`has a bare "${token}"`);
  return value;
}

const cache = new Map<string, SelectorNode>();

/** The AST of a selector that content validation already accepted. */
export function selectorAst(source: string): SelectorNode {
  let node = cache.get(source);
  if (!node) {
    const parsed = parseSelector(source);
    if (!parsed.ok) throw new Error(`Invalid selector "${source}": ${parsed.error}`);
    node = parsed.node;
    cache.set(source, node);
  }
  return node;
}

/** Every atom of a selector, for reference checks. */
export function atomsOf(node: SelectorNode): SelectorNode[] {
  if ('and' in node) return node.and.flatMap(atomsOf);
  if ('or' in node) return node.or.flatMap(atomsOf);
  if ('not' in node) return atomsOf(node.not);
  return [node];
}
