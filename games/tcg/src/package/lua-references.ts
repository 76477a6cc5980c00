import type { EffectCall } from '@cardtable/sandbox';
import type { Content } from '../content/content.ts';
import { keywordTokenRefusal } from '../content/check-abilities.ts';
import { unknownZone } from '../content/check-selectors.ts';
import { error, warning, type Diagnostic } from './diagnostic.ts';
import { locateNearest } from './json-locations.ts';
import type { ModuleFacts } from './lua-modules.ts';
import { namedPath, type ParsedDocument } from './documents.ts';

interface LuaRef {
  module: string;
  entry: string;
  /** Path of the `{module, entry}` object in its document. */
  path: string;
  document: ParsedDocument;
  /** The card whose ability it is (tokens: their card), for `#token` references; none for keywords. */
  card?: string;
  /** The keyword whose ability it is. */
  keyword?: string;
}

/**
 * Between the documents and the scripts, read as written (so in every validation round, beside
 * schema and reference errors): every `lua {module, entry}` names a function its module
 * defines.
 */
export function checkLuaEntries(
  cards: ParsedDocument,
  ruleset: ParsedDocument,
  facts: ReadonlyMap<string, ModuleFacts>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const refs = luaRefsOf(cards, ruleset);
  for (const ref of refs) {
    const module = facts.get(ref.module);
    if (!module || module.functions.has(ref.entry)) continue;
    const at = `${ref.path}.entry`;
    const defined = [...module.functions];
    out.push(
      error(
        'LUA_NO_ENTRY',
        `names "${ref.entry}", which ${module.file} does not define as a global function (${defined.length ? `it defines: ${defined.join(', ')}` : 'it defines none'})`,
        {
          file: ref.document.file,
          path: namedPath(at, ref.document.value),
          ...locateNearest(ref.document.locate, at),
        },
      ),
    );
  }
  return out;
}

/**
 * Between loaded content and scripts: every module is used (a warning: only once the cards
 * load is it sure no ability names it), and what a script names literally (cards and tokens it
 * summons, keywords it grants, zones it moves to) exists in the set, as the engine will
 * require when the script runs.
 */
export function checkLuaLiterals(
  content: Content,
  cards: ParsedDocument,
  ruleset: ParsedDocument,
  facts: ReadonlyMap<string, ModuleFacts>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const refs = luaRefsOf(cards, ruleset);
  for (const [name, module] of facts) {
    const users = refs.filter((ref) => ref.module === name);
    if (users.length === 0)
      out.push(warning('LUA_UNUSED_MODULE', 'no ability uses this module', { file: module.file }));
    for (const call of module.calls) {
      const problem = literalProblem(content, call, users);
      if (problem)
        out.push(
          error('LUA_REFERENCE', `${call.effect}: ${problem}`, {
            file: module.file,
            line: call.line,
            column: call.column,
          }),
        );
    }
  }
  return out;
}

function literalProblem(content: Content, call: EffectCall, users: LuaRef[]): string | undefined {
  const literal = call.args[1];
  if (typeof literal !== 'string') return undefined;
  const { ruleset, cards } = content;
  switch (call.effect) {
    case 'summon': {
      if (literal.startsWith('#')) {
        const keyword = users.find((user) => user.keyword !== undefined);
        if (keyword) return keywordTokenRefusal(literal, keyword.keyword!, cards);
        const missing = users
          .filter(
            (user) => user.card === undefined || !cards.has(`${user.card}#${literal.slice(1)}`),
          )
          .map((user) => user.card!);
        return missing.length
          ? `the token "${literal}" is not a token of ${[...new Set(missing)].join(', ')}, which use${missing.length === 1 ? 's' : ''} this module`
          : undefined;
      }
      const card = cards.get(literal);
      if (!card)
        return literal.includes('#')
          ? `names an unknown token "${literal}" (a token is "#name" of the card, or "<card id>#name")`
          : `names an unknown card "${literal}"`;
      return ruleset.cardTypes[card.type]?.kind === 'unit'
        ? undefined
        : `"${literal}" is not a unit and cannot be summoned`;
    }
    case 'grant':
      return literal in ruleset.keywords
        ? undefined
        : `names an unknown keyword "${literal}" (known: ${Object.keys(ruleset.keywords).join(', ')})`;
    case 'move':
    case 'shuffle':
      return ruleset.zones.some((zone) => zone.id === literal)
        ? undefined
        : unknownZone(literal, ruleset);
    default:
      return undefined;
  }
}

/** Every `{lua: {module, entry}}` and `{do: "lua", module, entry}` in a document. */
/** Every `lua {module, entry}` of the cards and the ruleset, as written. */
const luaRefsOf = (cards: ParsedDocument, ruleset: ParsedDocument): LuaRef[] => [
  ...luaRefs(cards),
  ...luaRefs(ruleset),
];

/** The keyword a ruleset path is in: `keywords.sandfall.abilities[0].lua` or `keywords["sand-fall"]...`. */
function keywordOf(path: string): { keyword?: string } {
  const found = /^keywords(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  if (!found) return {};
  return { keyword: found[1] ?? (JSON.parse(found[2]!) as string) };
}

function luaRefs(document: ParsedDocument): LuaRef[] {
  const out: LuaRef[] = [];
  const visit = (value: unknown, path: string, card: string | undefined) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, card));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const ref = (at: string, target: Record<string, unknown>) => {
      if (typeof target.module === 'string' && typeof target.entry === 'string')
        out.push({
          module: target.module,
          entry: target.entry,
          path: at,
          document,
          ...(card === undefined ? keywordOf(at) : { card }),
        });
    };
    if (node.do === 'lua') ref(path, node);
    if (node.lua && typeof node.lua === 'object')
      ref(`${path}.lua`, node.lua as Record<string, unknown>);
    for (const [key, inner] of Object.entries(node)) {
      if (key === 'lua') continue;
      const at = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}${path ? '.' : ''}${key}`
        : `${path}[${JSON.stringify(key)}]`;
      visit(inner, at, card);
    }
  };
  const root = document.value as Record<string, unknown>;
  if (Array.isArray(root.cards))
    root.cards.forEach((card, i) =>
      visit(
        card,
        `cards[${i}]`,
        typeof (card as { id?: unknown }).id === 'string' ? (card as { id: string }).id : undefined,
      ),
    );
  else visit(root, '', undefined);
  return out;
}
