import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  luaAbilitiesOf,
  tokenId,
  type CardDef,
  type KeywordAbilities,
  type LuaAbility,
} from '@cardtable/tcg';

/**
 * When FILE is a module of a content folder (`DIR/lua/NAME.lua` beside `DIR/ruleset.json`), the
 * command that runs it as a match would: `lua run FILE` shows a script a sample position of the
 * demo set, without the folder's cards, the ability's targets or its event, so a module that
 * reads `state.bindings.t` fails there while it works in a match. Null for a loose file. With
 * `entry` (`--entry`), the run named is of an ability that calls that function.
 */
export async function contentModuleHint(file: string, entry?: string): Promise<string | null> {
  const folder = dirname(dirname(file));
  if (basename(dirname(file)) !== 'lua' || !file.endsWith('.lua')) return null;
  const ruleset = await readFile(join(folder, 'ruleset.json'), 'utf8').catch(() => null);
  if (ruleset === null) return null;
  const module = basename(file, '.lua');
  const keywords = keywordsOf(ruleset);
  const cards = await readFile(join(folder, 'cards.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { cards?: unknown[] }).cards ?? [])
    .catch(() => []);
  // The cards (and tokens, by their own ids) with a Lua ability (their own, a keyword's, or an
  // attack) that runs the module (its `entry` when given), and the first such ability.
  const users = cards.flatMap(withTokens).flatMap((card) => {
    const uses = abilitiesOf(card, keywords).find(
      (found) => found.lua.module === module && (entry === undefined || found.lua.entry === entry),
    );
    const id = (card as { id?: unknown }).id;
    return uses && typeof id === 'string' ? [{ id, ability: uses }] : [];
  });
  const first = users[0];
  // A nested ability's name has brackets, which zsh would take for a glob: quoted.
  const name = first?.ability.name ?? '';
  const ability =
    first && first.ability.position > 0
      ? ` --ability ${/^[\w:-]+$/.test(name) ? name : `'${name}'`}`
      : '';
  const card = first?.id ?? 'CARD';
  const run = `npx cardtable lua run --content ${folder} --card ${card.includes('#') ? `'${card}'` : card}${ability}`;
  return [
    `Note: this ran ${basename(file)} at a sample position of the demo set, not of ${folder}.`,
    `To run it as ${users.length ? `the ability of ${users.map((user) => user.id).join(', ')}` : "a card's ability"} in a match of ${folder} (its targets bound, its event set): ${run}`,
  ].join('\n');
}

/** A card and its tokens, each under its own id (`<card id>#<name>`), as `lua run --card` takes them. */
function withTokens(card: unknown): unknown[] {
  const { id, tokens } = (card ?? {}) as { id?: unknown; tokens?: unknown };
  if (typeof id !== 'string' || !tokens || typeof tokens !== 'object') return [card];
  return [
    card,
    ...Object.entries(tokens).map(([name, token]) => ({ ...token, id: tokenId(id, name) })),
  ];
}

/** The ruleset's keywords (the abilities each gives a card); none when it does not read. */
function keywordsOf(ruleset: string): KeywordAbilities {
  try {
    const keywords = (JSON.parse(ruleset) as { keywords?: unknown }).keywords;
    return keywords && typeof keywords === 'object' ? (keywords as KeywordAbilities) : {};
  } catch {
    return {};
  }
}

/** A card's Lua abilities as the engine lists them; none for a card that does not read as one. */
function abilitiesOf(card: unknown, keywords: KeywordAbilities): LuaAbility[] {
  try {
    return luaAbilitiesOf(card as CardDef, keywords);
  } catch {
    return [];
  }
}
