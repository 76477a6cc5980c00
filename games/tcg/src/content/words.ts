/**
 * The words of many places: rules text, the engine's refusals and decisions, the view, reports
 * and the browser's table (which imports them through `@cardtable/tcg/ui`). They live beside
 * the content, not in ui/, so the engine never reaches into the table's folder for them. The
 * sentences a table asks with are here too: one wording for a decision the rules ask (built
 * with the server's view) and a target chosen while playing a card (built in the browser).
 */

/** "Firebolt: choose a target to deal 3 damage to an enemy unit or hero". */
export function askSentence(source: string | null, ask: string, effect: string | null): string {
  const what = effect ? `${ask} to ${effect}` : ask;
  return source ? `${source}: ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
}

/** A card's printed rules as a verb phrase: its first line, lower-cased, without the period. */
export function effectPhrase(text: string): string | null {
  const line = text.split('\n').at(-1)?.trim().replace(/\.$/, '') ?? '';
  return line ? lowerFirst(line) : null;
}

/** "embers" → "Embers": words that begin a sentence. */
export const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** "Next turn" → "next turn": words that begin a sentence, set inside one. */
export const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);

/**
 * How rules text says an ability's own trigger ("when you play this, ..."): the one wording for
 * generated text and for the sentences the studio and `content init` write for Lua abilities,
 * so a scripted card never reads differently from a data one beside it.
 */
export const SELF_TRIGGER_PHRASES = {
  played: 'when you play this',
  summoned: 'when this enters the board',
  cast: 'when you cast this',
  attacks: 'whenever this attacks',
  attacked: 'whenever this is attacked',
  damaged: 'whenever this takes damage',
  healed: 'whenever this is healed',
  died: 'when this dies',
  drawn: 'when you draw this',
  discarded: 'when you discard this',
} as const;

/** "When you play this, deal 1 damage to your opponent.": a Lua ability's text, worded as generated text is. */
export const selfTriggeredSentence = (on: keyof typeof SELF_TRIGGER_PHRASES, effect: string) =>
  `${capital(SELF_TRIGGER_PHRASES[on])}, ${effect}`;

/** "a target", "2 targets". */
export const targetsWord = (count: number) => (count === 1 ? 'a target' : `${count} targets`);

/** "a unit", "an enemy unit", "another unit". */
export const article = (noun: string) =>
  noun.startsWith('other ')
    ? `another${noun.slice('other'.length)}`
    : /^[aeiou]/i.test(noun)
      ? `an ${noun}`
      : `a ${noun}`;

/** The ruleset's own nouns (`vocabulary` in its ruleset.json) that words about many games use. */
export interface EndingNouns {
  hero: string;
  unit: string;
  /** What a hero has ("life" when the ruleset has no word of its own). */
  life?: string;
}

/** A ruleset's word for a hero's life: its `vocabulary.life`, else "life". */
export const lifeWord = (vocabulary: { life?: string }) => vocabulary.life ?? 'life';

/**
 * A loss by life, said of whose life it was ("your", "Dana's", "their", "a keeper's") in the
 * ruleset's word for it: "your focus reached 0". The one wording the log's loss line, the
 * result sentence and a balance report share.
 */
export const lifeReachedZero = (whose: string, vocabulary: { life?: string }) =>
  `${whose} ${lifeWord(vocabulary)} reached 0`;

/**
 * How an engine's end reason reads in a report on many games (a balance run), in the ruleset's
 * own nouns: "a keeper's life reached 0" where the ruleset calls its hero a keeper. A creator's
 * win rule with words of its own (`text`) is those words, as the rule reads ("five lanterns light
 * the night market"), whichever check it makes. An unknown reason reads as it is.
 */
export function endingWords(reason: string, text: string | undefined, nouns: EndingNouns): string {
  const words: Readonly<Record<string, string>> = {
    lifeZero: lifeReachedZero(`${article(nouns.hero)}'s`, nouns),
    deckOut: 'a player had to draw from an empty deck',
    winCondition: 'a win or loss condition of the ruleset',
    noPrizesLeft: 'a player took their last prize',
    noCreatureInPlay: `a player had no ${nouns.unit} left in play`,
    turnLimit: 'the turn limit',
    loop: 'a runaway loop (a draw)',
    conceded: 'a player conceded',
    timeouts: 'a player ran out of time',
  };
  return text ?? words[reason] ?? reason;
}

/**
 * What using an activated ability asks, as data: a card face carries it, its rules line
 * ("Activate (2 mana, exhaust; once a turn): ...") and a table's button are both worded from it.
 */
export interface ActivationTerms {
  /** Of the ruleset's resource; 0 when it is free. */
  cost: number;
  /** Using it exhausts the unit (it is the unit's attack for the turn). */
  exhaust: boolean;
  /** How many times a turn it may be used. */
  perTurn: number;
  /** When it may be used, in the ruleset's words ("you control 2 or more units"); null: always. */
  condition: string | null;
}

/** "2 mana, exhaust; once a turn" (then ", only if ..." with a condition); `resource`: its name. */
export function activationTermsText(terms: ActivationTerms, resource: string): string {
  const costs = [
    terms.cost ? `${terms.cost} ${resource}` : null,
    terms.exhaust ? 'exhaust' : null,
  ].filter((c) => c !== null);
  const often = terms.perTurn === 1 ? 'once a turn' : `${terms.perTurn} times a turn`;
  const only = terms.condition ? `, only if ${terms.condition}` : '';
  return `${costs.length ? `${costs.join(', ')}; ` : ''}${often}${only}`;
}

/** "unit" → "units", "ally" → "allies" (each of "a or b" alike). */
export function pluralNoun(noun: string): string {
  return noun
    .split(' or ')
    .map((word) =>
      word.endsWith('s') ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`,
    )
    .join(' or ');
}
