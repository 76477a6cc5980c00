import type { Content } from '../content/content.ts';
import { warning, type Diagnostic } from './diagnostic.ts';
import type { ParsedDocument } from './documents.ts';
import { locateNearest } from './json-locations.ts';
import { PACKAGE_FILES } from './limits.ts';

/**
 * Rulesets that load but cannot play well: each is legal, and each is almost certainly a
 * mistake, so it is a warning with what would happen.
 */
export function playabilityWarnings(content: Content, document: ParsedDocument): Diagnostic[] {
  const { ruleset } = content;
  const out: Diagnostic[] = [];
  const add = (code: string, path: string, message: string) =>
    out.push(
      warning(code, message, {
        file: PACKAGE_FILES.ruleset,
        path,
        ...locateNearest(document.locate, path),
      }),
    );
  const mains = ruleset.turn.phases.flatMap((p) => (p.kind === 'main' ? [p] : []));
  const autoSteps = new Set(ruleset.turn.phases.flatMap((p) => (p.kind === 'auto' ? p.steps : [])));
  const cards = [...content.cards.values()].filter((card) => !card.token);
  const resources = ruleset.resources;

  if (!mains.some((p) => p.actions.includes('attack')))
    add('NO_ATTACK_PHASE', 'turn.phases', 'no main phase allows "attack": units can never attack');

  const activated = [...content.cards.values()].filter((card) =>
    (card.abilities ?? []).some((a) => a.kind === 'activated'),
  );
  if (activated.length && !mains.some((p) => p.actions.includes('activate')))
    add(
      'NO_ACTIVATE_PHASE',
      'turn.phases',
      `no main phase allows "activate": the activated abilities of ${activated.length} card(s) can never be used (${names(activated)})`,
    );

  if (resources.model === 'pool') {
    if (resources.start > resources.cap)
      add(
        'START_ABOVE_CAP',
        'resources.start',
        `is ${resources.start}, above the cap of ${resources.cap}: the first "growResources" step drops it to ${resources.cap}`,
      );
    const grows = resources.growPerTurn > 0 && autoSteps.has('growResources');
    const ceiling = grows ? resources.cap : Math.min(resources.start, resources.cap);
    const unplayable = cards.filter((card) => card.cost > ceiling);
    if (unplayable.length)
      add(
        'UNPLAYABLE_COST',
        grows ? 'resources.cap' : 'resources.growPerTurn',
        `${grows ? 'the cap is' : 'the resource never grows (growPerTurn 0 or no "growResources" step) beyond'} ${ceiling}: ${unplayable.length} card(s) can never be played (${names(unplayable)})`,
      );
  } else {
    if (!mains.some((p) => p.actions.includes('attach')))
      add(
        'ATTACH_NEVER_GROWS',
        'turn.phases',
        'energy can never be attached (no main phase allows "attach"): units with a cost above 0 can never attack',
      );
  }

  const battler = ruleset.battler;
  if (battler && battler.prizes > 0 && !ruleset.win.some((w) => w.check === 'noPrizesLeft'))
    add(
      'PRIZES_NEVER_WIN',
      'win',
      `${battler.prizes} prizes are dealt, but taking the last one does not win: add {"check": "noPrizesLeft", "result": "win"} (and {"check": "noCreatureInPlay", "result": "lose"}) to win`,
    );
  if (battler) {
    // "attach" is ATTACH_NEVER_GROWS's (every battler uses the attached model).
    const missing = ['evolve', 'retreat'].filter(
      (action) => !mains.some((p) => (p.actions as readonly string[]).includes(action)),
    );
    if (missing.length)
      add(
        'BATTLER_ACTIONS_MISSING',
        'turn.phases',
        `no main phase allows ${missing.map((a) => `"${a}"`).join(', ')}: a battler's players ${missing.map((a) => ACTION_WORDS[a]).join(', ')} only in a main phase that lists it in its actions`,
      );
  }

  const banned = new Set(ruleset.deck.banned);
  const copies = cards.filter((card) => !banned.has(card.id)).length * ruleset.deck.copyLimit;
  if (copies < ruleset.deck.minSize)
    add(
      'DECK_SIZE_UNREACHABLE',
      'deck.minSize',
      `is ${ruleset.deck.minSize}, but the set allows at most ${copies} cards in a deck (${cards.length - banned.size} cards not banned, ${ruleset.deck.copyLimit} copies each): no deck can be legal`,
    );
  return out;
}

const ACTION_WORDS: Record<string, string> = {
  evolve: 'evolve creatures',
  retreat: 'retreat their active creature',
};

const names = (cards: readonly { id: string }[]) =>
  cards
    .slice(0, 5)
    .map((card) => card.id)
    .join(', ') + (cards.length > 5 ? ', ...' : '');
