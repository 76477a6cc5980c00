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
  'deck.copyLimitExempt':
    'Optional: card type ids the copy limit does not apply to (basic energy, in a battler).',
  openingHand: 'Cards drawn before the first turn.',
  'openingHand.first': 'Cards the first player starts with.',
  'openingHand.second': 'Cards the second player starts with.',
  mulligan:
    'none: keep the opening hand. replaceChosen: each player may put back cards and draw as many. untilBasic (battler): a hand without a basic creature is shown and reshuffled until it holds one.',
  secondPlayerBonus:
    'Optional: a card id the second player gets in hand to make up for going second.',
  zones:
    'Places cards can be. deck (hidden), hand (seen by its owner), board (public; limit = slots) and discard (public) are required; add more if your cards use them.',
  'zones[].id': 'The zone’s name, used by cards and effects.',
  'zones[].visibility':
    'Who sees the cards: public (everyone), owner (its player), hidden (nobody).',
  'zones[].limit': 'Optional: the most cards the zone holds (for the board: its slots).',
  cardTypes:
    'Your kinds of card, by id. A unit goes to the board and fights; a spell resolves then goes to its thenTo zone; energy is attached (with the attached resource model); a stadium and a tool (battler only) stay in play.',
  'cardTypes.*.kind':
    'unit, spell, energy, stadium or tool: what the engine does with cards of this type. A stadium goes to the stadium zone and replaces the one in play; a tool is attached to a creature, one per creature. Both need a battler section.',
  'cardTypes.*.name': 'The type’s name on cards.',
  'cardTypes.*.thenTo': 'Where a spell goes after it resolves (usually discard).',
  'cardTypes.*.perTurn':
    'Optional: how many spells of this type a player may play per turn (1 for a supporter).',
  'cardTypes.*.notOnFirstTurn':
    'Optional: spells of this type cannot be played in the first player’s first turn.',
  resources:
    'What pays for cards. pool: a store that grows each turn up to a cap. attached: energy cards attached to units.',
  'resources.model': 'pool or attached.',
  'resources.id': 'The resource’s id.',
  'resources.name': 'The resource’s name on cards and at the table (mana, pearls…).',
  'resources.start': 'How much a player has before the first turn.',
  'resources.growPerTurn': 'How much the pool grows at each growResources step.',
  'resources.cap': 'The most the pool can grow to.',
  'resources.carryOver':
    'Optional: how much unspent resource the refill keeps, on top of the pool’s size (0, the default: what is left is lost).',
  'resources.perTurn': 'Energy cards a player may attach per turn.',
  turn: 'The order of a turn.',
  'turn.phases':
    'The phases of a turn, in order. auto phases run their steps; main phases are where the player acts.',
  'turn.phases[].id':
    'The phase’s identifier (letters, digits, - and _); the table makes its name from it unless name gives one.',
  'turn.phases[].kind': 'auto (runs steps by itself) or main (the player plays and attacks).',
  'turn.phases[].steps':
    'What an auto phase does, in order. checkup (battler): special conditions on the active creatures take effect (damage, flips to remove, wearing off).',
  'turn.phases[].raises':
    'Optional: the trigger this phase raises on entry (turnStart or turnEnd).',
  'turn.phases[].name':
    'Optional: what the table calls the phase (“Call to arms”); made from its id when left out (main2: “Main 2”).',
  'turn.phases[].actions':
    'What the player may do in a main phase: play, attack, attach, activate (units’ activated abilities); retreat and evolve need a battler section. A turn can always be ended (endTurn may be listed; it changes nothing).',
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
    'lifeAtOrBelowZero; noPrizesLeft (took the last prize) or noCreatureInPlay (the opponent has none), for a battler; or a condition (JSON) such as {"count": "unit & friendly", "op": ">=", "value": 4}.',
  'win[].result': 'What happens to the player for whom the check holds: win or lose.',
  'win[].text':
    'Optional: the rule in your words, said when it decides a match (“You win: four units on the board.”) instead of “a win condition was met”.',
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
  'vocabulary.life':
    'Optional: the word for what a hero has (resolve, vigour…); the table, the log and the result say it. “life” when left out.',
  battler:
    'Optional: play as a monster-battler — one active creature and a bench, typed energy, attacks, evolution, special conditions, prizes, weakness and resistance (see Spiritbound).',
  'battler.bench':
    'Benched creatures each player may have; the board’s limit must be this plus 1 (the active spot).',
  'battler.prizes':
    'Prize cards dealt face down from each deck at setup; taking the last one wins.',
  'battler.prizeZone': 'The zone that holds the prizes; it must be hidden.',
  'battler.stadiumZone': 'Optional: the zone that holds the stadium in play; it must be public.',
  'battler.energyTypes': 'The energy types (elements) of your game, like fire or water.',
  'battler.wildcard':
    'The cost symbol any energy pays (like colorless); not one of the energy types.',
  'battler.weakness': 'What weakness does to an attack’s damage.',
  'battler.weakness.op': 'mul (damage times the value) or add (damage plus the value).',
  'battler.weakness.value': 'The multiplier or the extra damage.',
  'battler.resistance': 'What resistance does to an attack’s damage.',
  'battler.resistance.value': 'Damage taken off an attack by resistance.',
  'battler.conditions':
    'Special conditions, by id (poisoned, asleep…). They sit on active creatures only and end when it leaves the active spot or evolves.',
  'battler.conditions.*': 'One special condition; its id is what effects add and remove.',
  'battler.conditions.*.name': 'The condition’s name as printed.',
  'battler.conditions.*.reminder': 'Reminder text: what the condition does, in a sentence.',
  'battler.conditions.*.group':
    'Optional: conditions in the same group replace each other (a creature has one per group).',
  'battler.conditions.*.prevents':
    'Optional: what an affected creature cannot do: attack, retreat.',
  'battler.conditions.*.checkup': 'Optional: what happens at each checkup step.',
  'battler.conditions.*.checkup.damage': 'Damage dealt to the creature at each checkup.',
  'battler.conditions.*.checkup.flipToRemove':
    'Whether a coin is flipped at each checkup: heads removes the condition.',
  'battler.conditions.*.wearsOff':
    'Optional: controllerTurnEnd removes it at the checkup ending its controller’s turn.',
  'battler.conditions.*.attackFlip':
    'Optional: a coin is flipped before each attack; on tails the attack fails and the creature takes damage.',
  'battler.conditions.*.attackFlip.tailsDamage': 'Damage the creature takes on tails.',
  'battler.retreatsPerTurn':
    'Retreats a player may make per turn (paying the creature’s retreat cost in energy).',
  'battler.evolution': 'When a creature may evolve.',
  'battler.evolution.notOnFirstTurn': 'Whether evolving is barred in each player’s first turn.',
  'battler.evolution.notTheTurnItEntered':
    'Whether a creature that came into play or evolved this turn cannot evolve.',
  'battler.firstTurn': 'Limits on the first player’s first turn.',
  'battler.firstTurn.noAttack': 'Whether the first player may not attack in their first turn.',
  'battler.mulliganDraws':
    'Extra cards a player draws for each mulligan the opponent made beyond their own.',
  'battler.damageCounter': 'What one damage counter is worth, for the table (like 10).',
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

const RECORDS: ReadonlySet<string> = new Set(['cardTypes', 'keywords', 'conditions']);
