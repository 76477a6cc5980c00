/**
 * What each ruleset field means, for creators, by its path with list positions written `[]`
 * (`turn.phases[].kind`). The form's fields come from the published JSON Schema; these are the
 * sentences the schema does not carry (see games/tcg/README.md, "Ruleset").
 */
export const RULESET_HELP: Readonly<Record<string, string>> = {
  schema: 'The format of this file; always tcg/ruleset@1.',
  id: 'The ruleset’s id: letters, digits, _ or -, starting with a lowercase letter. Cards and decks name it.',
  version: 'The ruleset’s own version (like 1.0.0). Publishing asks you to name it.',
  name: 'The game’s name as players see it at the table.',
  players: 'Each player’s hero.',
  'players.life': 'Life each hero starts with.',
  'players.maxLife': 'The most life a hero can be healed to.',
  deck: 'What makes a legal deck.',
  'deck.minSize': 'The fewest cards a deck may have.',
  'deck.maxSize': 'The most cards a deck may have.',
  'deck.copyLimit': 'How many copies of one card a deck may hold.',
  'deck.banned': 'Card ids no deck may hold.',
  openingHand: 'Cards drawn before the first turn.',
  'openingHand.first': 'Cards the first player starts with.',
  'openingHand.second': 'Cards the second player starts with.',
  mulligan:
    'none: keep the opening hand. replaceChosen: each player may put back cards and draw as many.',
  secondPlayerBonus:
    'Optional: a card id the second player gets in hand to make up for going second.',
  zones:
    'Places cards can be. deck (hidden), hand (seen by its owner), board (public; limit = slots) and discard (public) are required; add more if your cards use them.',
  'zones[].id': 'The zone’s name, used by cards and effects.',
  'zones[].visibility':
    'Who sees the cards: public (everyone), owner (its player), hidden (nobody).',
  'zones[].limit': 'Optional: the most cards the zone holds (for the board: its slots).',
  cardTypes:
    'Your kinds of card, by id. A unit goes to the board and fights; a spell resolves then goes to its thenTo zone; energy is attached (with the attached resource model).',
  'cardTypes.*.kind': 'unit, spell or energy: what the engine does with cards of this type.',
  'cardTypes.*.name': 'The type’s name on cards.',
  'cardTypes.*.thenTo': 'Where a spell goes after it resolves (usually discard).',
  resources:
    'What pays for cards. pool: a store that grows each turn up to a cap. attached: energy cards attached to units.',
  'resources.model': 'pool or attached.',
  'resources.id': 'The resource’s id.',
  'resources.name': 'The resource’s name on cards and at the table (mana, pearls…).',
  'resources.start': 'How much a player has before the first turn.',
  'resources.growPerTurn': 'How much the pool grows at each growResources step.',
  'resources.cap': 'The most the pool can grow to.',
  'resources.perTurn': 'Energy cards a player may attach per turn.',
  turn: 'The order of a turn.',
  'turn.phases':
    'The phases of a turn, in order. auto phases run their steps; main phases are where the player acts.',
  'turn.phases[].id': 'The phase’s name.',
  'turn.phases[].kind': 'auto (runs steps by itself) or main (the player plays and attacks).',
  'turn.phases[].steps': 'What an auto phase does, in order.',
  'turn.phases[].raises':
    'Optional: the trigger this phase raises on entry (turnStart or turnEnd).',
  'turn.phases[].actions': 'What the player may do in a main phase.',
  'turn.draw': 'Drawing at the draw step.',
  'turn.draw.perTurn': 'Cards drawn at each draw step.',
  'turn.draw.firstPlayerSkipsFirstDraw':
    'Whether the first player skips the first draw (a common balance fix).',
  'turn.draw.emptyDeck': 'Drawing from an empty deck: fatigue (growing damage) or lose.',
  combat: 'How units fight.',
  'combat.attacksPerTurn': 'Attacks each unit may make per turn.',
  'combat.summoningSickness':
    'Whether a unit must wait a turn before it attacks (haste skips this).',
  'combat.canAttackHeroes': 'Whether units may attack the enemy hero directly.',
  'combat.blocking':
    'none, or defenderAssigns: the defender may pick a ready unit to block each attack.',
  'combat.retaliation': 'Whether an attacked unit strikes back.',
  keywords:
    'Keywords cards can have, by id. builtin gives one an engine meaning (guard, haste, lifesteal, shield, poison, ranged); abilities make your own.',
  'keywords.*.name': 'The keyword as printed.',
  'keywords.*.reminder': 'Reminder text: what the keyword does, in a sentence.',
  'keywords.*.builtin': 'Optional: the engine meaning this keyword has.',
  'keywords.*.abilities':
    'Optional: abilities every unit with this keyword has (JSON, the card ability format).',
  stack: 'Whether players can respond to each other.',
  'stack.mode':
    'none: everything resolves at once. responses: the opponent may answer with instants.',
  'stack.windows': 'Extra moments when responses are allowed.',
  triggerOrder:
    'Which triggered abilities go first: orderOfPlay, or apnap (the active player’s first).',
  win: 'How a game is won or lost: each rule is checked for each player.',
  'win[].check':
    'lifeAtOrBelowZero, or a condition (JSON) such as {"count": "unit & friendly", "op": ">=", "value": 4}.',
  'win[].result': 'What happens to the player for whom the check holds: win or lose.',
  simultaneousLoss: 'When both players lose at once: a draw.',
  turnLimit: 'Ends games that go on too long.',
  'turnLimit.turns': 'The last turn.',
  'turnLimit.result': 'Then: a draw, or mostLife (the healthier hero wins).',
  clock: 'Time limits at the table.',
  'clock.turnSeconds': 'Seconds a player has for a turn.',
  'clock.decisionSeconds': 'Seconds for a decision (a target, a choice) in someone else’s turn.',
  'clock.timeoutStrikes': 'Turns in a row a player may time out before losing.',
  limits: 'Safety limits on one move (they stop loops in abilities).',
  'limits.stepsPerCommand': 'Engine steps one move may take.',
  'limits.triggersPerCommand': 'Triggers one move may set off.',
  'limits.luaInstructions': 'Lua instructions one ability call may run.',
  vocabulary: 'The words your game uses in rules text.',
  'vocabulary.unit': 'The word for a unit (creature, soldier…).',
  'vocabulary.hero': 'The word for a player’s hero (keeper, champion…).',
  'vocabulary.spell': 'The word for a spell.',
};

/** The help sentence of a field path (`turn.phases[2].kind` → `turn.phases[].kind`). */
export function helpFor(
  path: string,
  recordKeys: ReadonlySet<string> = RECORDS,
): string | undefined {
  const general = path.replace(/\[\d+\]/g, '[]');
  const starred = general
    .split('.')
    .map((part, i, parts) => (i > 0 && recordKeys.has(parts[i - 1]!) ? '*' : part))
    .join('.');
  return RULESET_HELP[general] ?? RULESET_HELP[starred];
}

const RECORDS: ReadonlySet<string> = new Set(['cardTypes', 'keywords']);
