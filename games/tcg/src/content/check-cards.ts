import type { CardDef, CardSet, Ruleset, TokenDef } from './ast.ts';
import { didYouMean } from '@cardtable/engine';
import { checkAbility, type AbilityContext } from './check-abilities.ts';
import { checkBattlerCard } from './check-battler.ts';
import { unknownKeyword } from './check-selectors.ts';
import { cardText, type CardNamer } from './rules-text.ts';
import type { ContentProblem } from '../schema/validate.ts';

/**
 * What cards must satisfy beyond their schema: known types, keywords, references, true text.
 * `checked` picks the cards to check (by index; all by default): when some cards fail their
 * schema, the others are still checked, and any entry with an id counts as a card they may name.
 */
export function checkCards(
  set: CardSet,
  ruleset: Ruleset,
  scripts: Readonly<Record<string, string>>,
  checked: (index: number) => boolean = () => true,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (set.ruleset !== ruleset.id)
    add('ruleset', `is "${set.ruleset}" but the ruleset is "${ruleset.id}"`);

  const byId = new Map<string, CardDef>();
  set.cards.forEach((card, i) => {
    if (typeof (card as Partial<CardDef> | null)?.id !== 'string') return;
    if (byId.has(card.id) && checked(i))
      add(`cards[${i}].id`, `"${card.id}" is used by another card`);
    byId.set(card.id, card);
  });
  const cardIds = new Set(byId.keys());

  set.cards.forEach((card, i) => {
    if (!checked(i)) return;
    const path = `cards[${i}]`;
    problems.push(...checkCardShape(card, path, ruleset));
    const type = ruleset.cardTypes[card.type];
    if (card.speed === 'instant' && type?.kind !== 'spell')
      add(`${path}.speed`, 'only spells can be instant');
    const spells = (card.abilities ?? []).filter((a) => a.kind === 'spell').length;
    if (type?.kind === 'spell' && spells !== 1)
      add(`${path}.abilities`, 'a spell needs exactly one ability of kind "spell"');
    const ctx: AbilityContext = {
      scope: { ruleset, cardIds },
      tokens: card.tokens ?? {},
      scripts,
      cards: byId,
    };
    card.abilities?.forEach((ability, j) =>
      problems.push(...checkAbility(ability, `${path}.abilities[${j}]`, ctx)),
    );
    problems.push(...checkBattlerCard(card, path, ruleset, byId, ctx));
    for (const [name, token] of Object.entries(card.tokens ?? {})) {
      const tokenPath = `${path}.tokens.${name}`;
      problems.push(...checkCardShape(token, tokenPath, ruleset));
      if (ruleset.cardTypes[token.type]?.kind !== 'unit')
        add(`${tokenPath}.type`, 'tokens must be units');
      token.abilities?.forEach((ability, j) =>
        problems.push(...checkAbility(ability, `${tokenPath}.abilities[${j}]`, ctx)),
      );
    }
    if (card.text !== undefined && !problems.some((p) => !p.warning)) {
      const generated = cardText(card, ruleset, namerFor(card, byId));
      // A warning, not a refusal: the engine shows the text it generates whatever the file says,
      // and a published version must keep loading when a later engine words a rule better.
      if (card.text !== generated)
        problems.push({
          path: `${path}.text`,
          message: `is out of date; the generated text is ${JSON.stringify(generated)}`,
          warning: 'STALE_TEXT',
        });
    }
  });
  return problems;
}

export function namerFor(
  card: Pick<CardDef, 'tokens'>,
  cards: ReadonlyMap<string, Pick<CardDef, 'name'>>,
): CardNamer {
  return (ref) =>
    (ref.startsWith('#') ? card.tokens?.[ref.slice(1)]?.name : cards.get(ref)?.name) ?? ref;
}

function checkCardShape(
  card: CardDef | TokenDef,
  path: string,
  ruleset: Ruleset,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const type = ruleset.cardTypes[card.type];
  if (!type)
    problems.push({
      path: `${path}.type`,
      message: `names an unknown card type "${card.type}" (known: ${Object.keys(ruleset.cardTypes).join(', ')})${didYouMean(card.type, Object.keys(ruleset.cardTypes))}`,
    });
  if (type?.kind === 'unit' && !card.stats)
    problems.push({ path: `${path}.stats`, message: 'is required for units' });
  if (type && type.kind !== 'unit' && card.stats)
    problems.push({ path: `${path}.stats`, message: 'only units have stats' });
  card.keywords?.forEach((keyword, i) => {
    if (!(keyword in ruleset.keywords))
      problems.push({
        path: `${path}.keywords[${i}]`,
        message: unknownKeyword(keyword, ruleset),
      });
  });
  const abilityIds = new Set<string>();
  card.abilities?.forEach((ability, i) => {
    if (abilityIds.has(ability.id))
      problems.push({
        path: `${path}.abilities[${i}].id`,
        message: `"${ability.id}" is used by another ability of this card`,
      });
    abilityIds.add(ability.id);
    if (ability.kind === 'spell' && type?.kind !== 'spell')
      problems.push({
        path: `${path}.abilities[${i}].kind`,
        message: 'only spells have a "spell" ability',
      });
    if (ability.kind === 'activated' && type && type.kind !== 'unit')
      problems.push({
        path: `${path}.abilities[${i}].kind`,
        message: `only units have activated abilities (they are used from the board); ${card.type} is of kind ${type.kind}`,
      });
  });
  return problems;
}
