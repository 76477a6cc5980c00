import type { Ruleset } from './ast.ts';
import { didYouMean } from '@cardtable/engine';
import { atomsOf, parseSelector, UNIT_STATES, type SelectorNode } from './selector.ts';
import type { ContentProblem } from '../schema/validate.ts';

/** A zone the ruleset does not have, with the ones it does (a typo is the usual cause). */
export const unknownZone = (zone: string, ruleset: Ruleset, prefix = ''): string => {
  const zones = ruleset.zones.map((z) => prefix + z.id);
  return `names an unknown zone "${prefix}${zone}" (the ruleset's zones: ${zones.join(', ')})${didYouMean(prefix + zone, zones)}`;
};

const GENERIC_TYPES = new Set(['card', 'hero', 'unit', 'spell', 'energy']);

/** An unknown keyword, with the ones the ruleset has (a typo is then plain to see). */
export const unknownKeyword = (keyword: string, ruleset: Ruleset): string => {
  const known = Object.keys(ruleset.keywords);
  return `names an unknown keyword "${keyword}" (${known.length ? `the ruleset's keywords: ${known.join(', ')}` : 'the ruleset has no keywords'})${didYouMean(keyword, known)}`;
};

/**
 * The words a selector reads as card types in this ruleset: its card types, and the kinds they
 * are of (`unit`, `spell`, ...; a card matches its type's kind too) where those differ.
 */
function cardTypeWords(ruleset: Ruleset): { types: string[]; kinds: string[] } {
  const types = Object.keys(ruleset.cardTypes);
  const kinds = [...new Set(Object.values(ruleset.cardTypes).map((t) => t.kind))];
  return { types, kinds: kinds.filter((kind) => !types.includes(kind)) };
}

/**
 * A word a selector does not know: it is read as a card type, so say what the words are, this
 * ruleset's own (a ruleset with no energy cards is not offered `energy`).
 */
const unknownWord = (word: string, ruleset: Ruleset): string => {
  const { types, kinds } = cardTypeWords(ruleset);
  const vocabulary = ruleset.vocabulary as Readonly<Record<string, string | undefined>>;
  // The ruleset's own noun for a hero, unit or spell is for rules text; a selector says the kind.
  const meant = (['hero', 'unit', 'spell'] as const).find(
    (kind) => vocabulary[kind] === word && word !== kind,
  );
  if (meant)
    return `says "${word}", the ruleset's word for a ${meant} in rules text; a selector says "${meant}"${meant === 'hero' ? '' : ' or a card type'} (the rules text still reads "${word}")`;
  const theirKinds = kinds.length ? `; their kinds: ${kinds.join(', ')}` : '';
  const words = [...types, ...kinds, 'card', 'hero', 'friendly', 'enemy', ...UNIT_STATES];
  return `names an unknown card type "${word}" (the ruleset's card types: ${types.join(', ')}${theirKinds}; other words: card, hero, friendly, enemy, ${UNIT_STATES.join(', ')}, tag:, has:, id:, @zone, $binding)${didYouMean(word, words)}`;
};

/**
 * Whether a selector word names cards: `card`, `hero`, a card type of the ruleset or its kind.
 * `unit`, `spell` and `energy` stay accepted in every ruleset (they were from the start, and a
 * published version is checked again when it loads); they select nothing where no type has them.
 */
const isTypeWord = (word: string, ruleset: Ruleset): boolean => {
  const { types, kinds } = cardTypeWords(ruleset);
  return GENERIC_TYPES.has(word) || types.includes(word) || kinds.includes(word);
};

/**
 * `unit`, `spell` or `energy` where no card type is of that kind or named so: accepted (see
 * `isTypeWord`), but it selects nothing here, which a creator should hear about.
 */
const selectsNothing = (word: string, ruleset: Ruleset): boolean => {
  if (!['unit', 'spell', 'energy'].includes(word)) return false;
  const { types, kinds } = cardTypeWords(ruleset);
  return !types.includes(word) && !kinds.includes(word);
};

const nothingWord = (word: string, ruleset: Ruleset): string => {
  const { types, kinds } = cardTypeWords(ruleset);
  const theirKinds = kinds.length ? `; their kinds: ${kinds.join(', ')}` : '';
  return `names "${word}", which no card type of this ruleset is nor is of (its card types: ${types.join(', ')}${theirKinds}): it selects nothing here`;
};

/** What a selector may refer to where it is written. */
export interface SelectorScope {
  ruleset: Ruleset;
  /** The set's card ids (only asked whether it has one: a Set or the cards' Map). */
  cardIds: { has(id: string): boolean };
  /** Binding and forEach names in scope (without `$`). */
  bindings: ReadonlySet<string>;
  /** Whether the ability is triggered, so `$event.*` refers to something. */
  hasEvent: boolean;
}

export const STACK_ZONE = 'stack';
export function checkSelector(
  source: string,
  path: string,
  scope: SelectorScope,
): ContentProblem[] {
  const parsed = parseSelector(source);
  if (!parsed.ok) return [{ path, message: `selector "${source}" ${parsed.error}` }];
  const problems: ContentProblem[] = [];
  const bad = (message: string) =>
    problems.push({ path, message: `selector "${source}" ${message}` });
  const { ruleset } = scope;
  for (const atom of atomsOf(parsed.node)) {
    if ('type' in atom && !isTypeWord(atom.type, ruleset)) bad(unknownWord(atom.type, ruleset));
    else if ('type' in atom && selectsNothing(atom.type, ruleset))
      problems.push({
        path,
        message: `selector "${source}" ${nothingWord(atom.type, ruleset)}`,
        warning: 'SELECTOR_SELECTS_NOTHING',
      });
    if (
      'zone' in atom &&
      atom.zone !== STACK_ZONE &&
      !ruleset.zones.some((z) => z.id === atom.zone)
    )
      bad(unknownZone(atom.zone, ruleset, '@'));
    if ('has' in atom && !(atom.has in ruleset.keywords)) bad(unknownKeyword(atom.has, ruleset));
    if ('id' in atom && !scope.cardIds.has(atom.id)) bad(`names an unknown card "${atom.id}"`);
    if ('ref' in atom) {
      const ref = atom.ref;
      if (ref.startsWith('event.')) {
        if (!scope.hasEvent) bad(`refers to $${ref} outside a triggered ability`);
        else if (ref !== 'event.subject' && ref !== 'event.source')
          bad(`refers to an unknown $${ref}`);
      } else if (ref !== 'self' && !scope.bindings.has(ref)) {
        bad(`refers to $${ref}, which is not bound here`);
      }
    }
  }
  return problems;
}

/** Who picks: the ability's controller or their opponent. */
export type Chooser = '$controller' | '$opponent';

/**
 * The zone a player's pick (`pick: chosen`, `targets`, `chooseTargets`) draws from when the
 * chooser can see no card there: a hidden zone (a deck), or an owner-only one (a hand) of the
 * other player. A player chooses only among cards they can see, so such a pick always finds
 * nothing: the step fizzles (a reveal before it does not change that). Null when the selector
 * may match a card the chooser sees. Conservative: a zone counts only when every alternative
 * of the selector is confined to it (`&` with `@zone`, and a side for an owner-only zone).
 */
export function unseenZoneOfPick(
  source: string,
  ruleset: Ruleset,
  chooser: Chooser,
): string | null {
  const parsed = parseSelector(source);
  if (!parsed.ok) return null;
  const visibility = new Map(ruleset.zones.map((z) => [z.id, z.visibility]));
  // The side whose owner-only zones the chooser sees, relative to the ability's controller.
  const own = chooser === '$controller' ? 'friendly' : 'enemy';
  const unseen = (node: SelectorNode): string | null => {
    if ('or' in node) {
      const zones = node.or.map(unseen);
      return zones.every((z) => z !== null) ? zones[0]! : null;
    }
    const terms = 'and' in node ? node.and : [node];
    const side = terms.find((t): t is { side: 'friendly' | 'enemy' } => 'side' in t)?.side;
    for (const term of terms) {
      if ('or' in term || 'and' in term) {
        const inner = unseen(term);
        if (inner !== null) return inner;
      }
      if (!('zone' in term)) continue;
      const seen = visibility.get(term.zone);
      if (seen === 'hidden') return term.zone;
      if (seen === 'owner' && side !== undefined && side !== own) return term.zone;
    }
    return null;
  };
  return unseen(parsed.node);
}

/** The warning for a pick `unseenZoneOfPick` found: where it looks, and what to write instead. */
export function unseenPickProblem(source: string, zone: string, path: string): ContentProblem {
  return {
    path,
    message: `selector "${source}" picks among cards in the ${zone}, which the chooser cannot see: a player chooses only among cards they can see, so this pick always finds nothing (reveal does not change that); let the ${zone}'s owner choose ("discard" with "pick": "chosen", or "chooser": "$opponent"), or pick "random" or "first"`,
    warning: 'CHOOSER_CANNOT_SEE',
  };
}
