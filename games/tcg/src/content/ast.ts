/**
 * The creator-facing formats: a ruleset, a card set and decks. These are the JSON documents a
 * creator writes; the JSON Schemas in ../schema describe exactly these shapes, and
 * `loadContent` checks the references between them.
 */

/** A selector in the mini-language of the README (`"unit & enemy & attack>=3"`), kept as written. */
export type Selector = string;

export type Seatless = 'friendly' | 'enemy';

/** A player relative to the ability's controller, or the player an event is about. */
export type PlayerRef = '$controller' | '$opponent' | '$active' | '$event.player';

// ---- Values and conditions ---------------------------------------------------------------------

export type CompareOp = '<' | '<=' | '=' | '!=' | '>=' | '>';
export type StatName = 'attack' | 'health' | 'maxHealth' | 'cost' | 'damage';

/** An integer expression. Arithmetic floors; amounts fed to effects are clamped to >= 0. */
export type Value =
  | number
  | { count: Selector }
  | { stat: [Selector, StatName] }
  | { life: PlayerRef }
  | { resource: PlayerRef }
  | { handSize: PlayerRef }
  | { deckSize: PlayerRef }
  | { event: 'amount' }
  | { turnNumber: true }
  /** Heads flipped so far by the running ability (`flip` effects). */
  | { heads: true }
  /** Cards in a player's zone (e.g. prizes left). */
  | { zoneSize: [PlayerRef, string] }
  /** Energy attached to the first match (of `type`, or any). */
  | { energy: [Selector, string | null] }
  | { add: Value[] }
  | { sub: [Value, Value] }
  | { mul: Value[] }
  | { div: [Value, Value] }
  | { min: Value[] }
  | { max: Value[] };

export type HistoryCounter = 'cardsPlayedThisTurn' | 'spellsCastThisTurn' | 'unitsDiedThisTurn';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { exists: Selector }
  | { count: Selector; op: CompareOp; value: Value }
  | { cmp: [Value, CompareOp, Value] }
  | { turn: Seatless }
  | { history: HistoryCounter; whose: Seatless; op: CompareOp; value: Value };

// ---- Targets ---------------------------------------------------------------------------------

export type PickMode = 'chosen' | 'random' | 'first' | `highest:${StatName}` | `lowest:${StatName}`;

/** Picks some of the things a selector matches: a player chooses, or the engine picks. */
export interface Pick {
  pick: PickMode;
  from: Selector;
  count: number;
  chooser?: '$controller' | '$opponent';
}

/** What an effect acts on: every match of a selector (or a `$binding`), or a pick. */
export type Target = Selector | Pick;

export interface TargetSpec {
  /** The binding's name: effects refer to it as `$<id>`. */
  id: string;
  choose: Selector;
  /** Exactly this many when that many are legal (fewer only when fewer exist). Default 1. */
  count?: number;
}

// ---- Effects -----------------------------------------------------------------------------------

export type Duration = 'permanent' | 'endOfTurn' | 'untilYourNextTurn';
export type ZonePosition = 'top' | 'bottom' | 'random';

export type Effect =
  | { do: 'damage'; to: Target; amount: Value }
  | { do: 'heal'; to: Target; amount: Value }
  | { do: 'draw'; player: PlayerRef; count: Value }
  | { do: 'discard'; player: PlayerRef; count: Value; pick: 'chosen' | 'random' }
  | { do: 'summon'; card: string; count: Value; for: PlayerRef }
  | { do: 'destroy'; target: Target }
  | { do: 'move'; cards: Target; to: string; position?: ZonePosition }
  | { do: 'shuffle'; player: PlayerRef; zone: string }
  | {
      do: 'modify';
      target: Target;
      stat: 'attack' | 'health';
      op: 'add' | 'set';
      value: Value;
      duration: Duration;
    }
  | { do: 'grant'; target: Target; keywords: string[]; duration: Duration }
  | { do: 'resource'; player: PlayerRef; op: 'gain' | 'gainMax' | 'spend'; amount: Value }
  /**
   * `from` loses up to `amount` of the resource (what they have), and the ability's controller
   * gains exactly what they lost: a theft, which a `spend` then a `gain` is not (that gains the
   * whole amount from an empty purse too).
   */
  | { do: 'steal'; from: PlayerRef; amount: Value }
  | { do: 'counter'; item: Target }
  | { do: 'reveal'; cards: Target; to: 'all' | '$opponent' | '$controller' }
  | { do: 'choose'; chooser?: '$controller' | '$opponent'; options: ChoiceOption[] }
  | { do: 'may'; chooser?: '$controller' | '$opponent'; prompt: string; effects: Effect[] }
  | { do: 'if'; cond: Condition; then: Effect[]; else?: Effect[] }
  | {
      do: 'chooseTargets';
      id: string;
      from: Selector;
      count?: number;
      chooser?: '$controller' | '$opponent';
    }
  | { do: 'repeat'; times: Value; effects: Effect[] }
  | { do: 'forEach'; in: Selector; as: string; effects: Effect[] }
  | { do: 'lua'; module: string; entry: string }
  // ---- monster-battler effects (rulesets with `battler`) ----
  /** Flips `coins` coins (or until tails): `heads` runs once per heads, `tails` once per tails. */
  | {
      do: 'flip';
      coins?: Value;
      untilTails?: boolean;
      heads?: Effect[];
      tails?: Effect[];
    }
  /** An attack's damage to the defending creature, with weakness and resistance. */
  | { do: 'attackDamage'; amount: Value }
  /** Adds or removes a special condition (`remove: "all"` clears them). */
  | { do: 'condition'; target: Target; add?: string; remove?: string }
  /** Discards energy attached to the targets (of `energyType`, or any). */
  | { do: 'discardEnergy'; from: Target; count: Value; energyType?: string }
  /** Returns the top evolution card of each target to its owner's hand. */
  | { do: 'devolve'; target: Target }
  /** The player's active creature swaps with one of their benched creatures. */
  | { do: 'switch'; player: PlayerRef; chooser?: '$controller' | '$opponent' };

export type EffectKind = Effect['do'];

export interface ChoiceOption {
  label: string;
  effects: Effect[];
}

// ---- Abilities -------------------------------------------------------------------------------

export type TriggerEvent =
  | 'played'
  | 'summoned'
  | 'cast'
  | 'attacks'
  | 'attacked'
  | 'damaged'
  | 'healed'
  | 'died'
  | 'drawn'
  | 'discarded'
  | 'turnStart'
  | 'turnEnd';

export interface Trigger {
  on: TriggerEvent;
  /** Matched against the event's main object (default `$self` for card events). */
  subject?: Selector;
  /** Whose turn, for turnStart and turnEnd (default `controller`). */
  whose?: 'controller' | 'opponent' | 'any';
}

export interface LuaRef {
  module: string;
  entry: string;
}

interface AbilityBase {
  /** Unique within the card; logs and continuations refer to it. */
  id: string;
}

/** Runs `effects` (or the Lua entry, which returns effects) when its trigger happens. */
export interface TriggeredAbility extends AbilityBase {
  kind: 'triggered';
  trigger: Trigger;
  /** Zones the source must be in for the trigger to listen (default ["board"]). */
  activeIn?: string[];
  condition?: Condition;
  limit?: { perTurn: number };
  optional?: boolean;
  targets?: TargetSpec[];
  effects?: Effect[];
  lua?: LuaRef;
  /** Required with `lua` (rules text cannot be generated from a script), forbidden otherwise. */
  text?: string;
}

/** A spell's body: runs when the card resolves. Its targets are chosen when it is played. */
export interface SpellAbility extends AbilityBase {
  kind: 'spell';
  targets?: TargetSpec[];
  effects?: Effect[];
  lua?: LuaRef;
  text?: string;
}

/** A continuous effect of a unit on the board: recomputed from scratch, never stored. */
export interface StaticAbility extends AbilityBase {
  kind: 'static';
  affects: Selector;
  condition?: Condition;
  modify?: { stat: 'attack' | 'health'; op: 'add' | 'set'; value: number }[];
  grant?: string[];
}

/**
 * An ability its controller uses as an action (`activate`) while the unit is on the board, in
 * a main phase that allows `activate`: pays `cost` of the ruleset's pool resource, exhausts the
 * unit when `exhaust` is set (it must be ready, and cannot attack after), at most
 * `limit.perTurn` times a turn (once by default). Targets are chosen with the action, as a
 * spell's; it resolves at once, like a trigger, never on the stack.
 */
export interface ActivatedAbility extends AbilityBase {
  kind: 'activated';
  cost?: number;
  exhaust?: boolean;
  limit?: { perTurn: number };
  condition?: Condition;
  targets?: TargetSpec[];
  effects?: Effect[];
  lua?: LuaRef;
  /** With `lua`: what it does, after the generated cost ("Activate (2 mana): "). */
  text?: string;
}

export type Ability = TriggeredAbility | SpellAbility | StaticAbility | ActivatedAbility;

/**
 * A monster-battler attack: usable by the active creature with `cost` attached (energy types,
 * the ruleset's wildcard matching any). `effects` run first, then `damage` is dealt to the
 * defending creature with weakness and resistance; the turn ends after an attack.
 */
export interface AttackDef {
  id: string;
  name: string;
  cost: string[];
  damage?: Value;
  effects?: Effect[];
  /** What it does, after "Name [cost]: "; required exactly when `effects` call Lua (as abilities). */
  text?: string;
}

// ---- Cards ---------------------------------------------------------------------------------------

/**
 * A hint for the face the app generates for a card without an image: `palette` keeps its colour
 * in a band. `glyph` and `accent` are names kept with the card for creators' own tools; the app
 * does not draw them (it draws the monogram of the card's name).
 */
export interface CardArt {
  palette: 'ember' | 'tide' | 'grove' | 'stone' | 'void' | 'gold' | 'frost' | 'blood';
  glyph?: string;
  accent?: string;
}

export interface UnitStats {
  attack: number;
  health: number;
}

/** A token: a card that exists only when an effect creates it. */
export interface TokenDef {
  name: string;
  type: string;
  stats?: UnitStats;
  keywords?: string[];
  tags?: string[];
  abilities?: Ability[];
  art?: CardArt;
}

export interface CardDef {
  id: string;
  name: string;
  type: string;
  /** Pool model: the resource paid to play it. Attached model: energy needed to attack. */
  cost: number;
  stats?: UnitStats;
  keywords?: string[];
  tags?: string[];
  /** `instant` cards may be played in a priority window (stack mode `responses`). */
  speed?: 'normal' | 'instant';
  tokens?: Record<string, TokenDef>;
  abilities?: Ability[];
  /** Generated rules text; when present in the file it must equal the generated text. */
  text?: string;
  /** Optional: without it (and without an image) the generated face picks its own colour. */
  art?: CardArt;
  /** Hints for the CPU player: a multiplier on the value it sees in this card. */
  ai?: { value?: number };
  // ---- monster-battler fields (rulesets with `battler`) ----
  /** A creature's type (weakness, resistance) or the type of energy an energy card provides. */
  element?: string;
  /** 0 basic, 1 stage 1, 2 stage 2. Stages above 0 evolve from `evolvesFrom` (a card name). */
  stage?: number;
  evolvesFrom?: string;
  attacks?: AttackDef[];
  /** Energy discarded to retreat. */
  retreat?: number;
  weakness?: string;
  resistance?: string;
  /** Prizes the opponent takes when this is knocked out (default 1). */
  prizeValue?: number;
}

export interface CardSet {
  schema: 'tcg/cards@1';
  ruleset: string;
  cards: CardDef[];
}

// ---- Decks ---------------------------------------------------------------------------------------

export interface DeckList {
  id: string;
  name: string;
  cards: { card: string; count: number }[];
}

export interface DeckFile {
  schema: 'tcg/decks@1';
  ruleset: string;
  decks: DeckList[];
}

// ---- Ruleset -------------------------------------------------------------------------------------

export type ZoneVisibility = 'public' | 'owner' | 'hidden';

export interface ZoneDef {
  id: string;
  visibility: ZoneVisibility;
  /** Most cards the zone holds per player; the board's limit is its number of slots. */
  limit?: number;
}

export type CardTypeDef =
  | { kind: 'unit'; name: string }
  | {
      kind: 'spell';
      name: string;
      thenTo: string;
      /** At most this many cards of this type a turn (a supporter: 1). */
      perTurn?: number;
      /** Not playable in the first player's first turn. */
      notOnFirstTurn?: boolean;
    }
  /** Attached resource model: a card attached to a friendly unit as energy. */
  | { kind: 'energy'; name: string }
  /** Battler: stays in play in the shared stadium spot (a new one replaces it). */
  | { kind: 'stadium'; name: string }
  /** Battler: attached to a friendly creature, one each; its statics act as the creature's. */
  | { kind: 'tool'; name: string };

export type BuiltinKeyword = 'guard' | 'haste' | 'lifesteal' | 'shield' | 'poison' | 'ranged';

export interface KeywordDef {
  name: string;
  reminder: string;
  /** The engine behaviour it has, if any; custom keywords carry `abilities` instead. */
  builtin?: BuiltinKeyword;
  abilities?: Ability[];
}

export type ResourceModel =
  | {
      model: 'pool';
      id: string;
      name: string;
      start: number;
      growPerTurn: number;
      cap: number;
      /**
       * How much unspent resource a refill keeps on top of the pool's size (default 0: a refill
       * sets the pool to its size, and what was left is lost).
       */
      carryOver?: number;
    }
  | { model: 'attached'; id: string; name: string; perTurn: number };

export type PhaseStep =
  | 'readyUnits'
  | 'growResources'
  | 'refillResources'
  | 'draw'
  | 'expireEndOfTurn'
  /** Battler: special conditions act between turns (poison, burn, sleep, paralysis). */
  | 'checkup';

/** `name`: what the table calls the phase ("Call to arms"); made from its id when absent. */
export type PhaseDef =
  | {
      id: string;
      kind: 'auto';
      steps: PhaseStep[];
      raises?: 'turnStart' | 'turnEnd';
      name?: string;
    }
  | { id: string; kind: 'main'; actions: MainAction[]; name?: string };

/**
 * `attack` also allows battler attacks; `retreat` and `evolve` are battler actions; `activate`
 * uses units' activated abilities. `endTurn` may be listed, as the design doc writes phases,
 * and changes nothing: a turn can always be ended.
 */
export type MainAction =
  'play' | 'attack' | 'attach' | 'retreat' | 'evolve' | 'activate' | 'endTurn';

/**
 * `noPrizesLeft`: the player took their last prize; `noCreatureInPlay`: the player has no unit
 * on the board (checked once the game has begun).
 */
export type WinCheck = 'lifeAtOrBelowZero' | 'noPrizesLeft' | 'noCreatureInPlay' | Condition;

/** A special condition of a battler ruleset, as data. */
export interface SpecialConditionDef {
  name: string;
  reminder: string;
  /** Conditions of one group replace each other (asleep, paralysed and confused). */
  group?: string;
  prevents?: ('attack' | 'retreat')[];
  /** At the checkup: damage, then a flip whose heads removes it. */
  checkup?: { damage?: number; flipToRemove?: boolean };
  /** Removed at the checkup that ends its creature's controller's turn. */
  wearsOff?: 'controllerTurnEnd';
  /** Before each attack a coin is flipped: on tails the attack fails and this damage is taken. */
  attackFlip?: { tailsDamage: number };
}

/** Monster-battler rules: active creature and bench, typed energy, prizes, conditions. */
export interface BattlerRules {
  /** Benched creatures at most; the board holds the active creature and the bench. */
  bench: number;
  /** Prize cards dealt face down to each player at setup, into `prizeZone` (hidden). */
  prizes: number;
  prizeZone: string;
  /** Where a stadium stays (one in play, shared: a new one discards the old). */
  stadiumZone?: string;
  /** Energy types; `wildcard` in a cost is paid by any energy. */
  energyTypes: string[];
  wildcard: string;
  weakness: { op: 'mul' | 'add'; value: number };
  resistance: { value: number };
  conditions: Record<string, SpecialConditionDef>;
  retreatsPerTurn: number;
  evolution: { notOnFirstTurn: boolean; notTheTurnItEntered: boolean };
  firstTurn: { noAttack: boolean };
  /** With `mulligan: "untilBasic"`: cards the opponent draws per mulligan. */
  mulliganDraws: number;
  /** How much damage one damage counter is (the table shows counters). */
  damageCounter: number;
}

export interface Ruleset {
  schema: 'tcg/ruleset@1';
  id: string;
  version: string;
  name: string;
  players: { life: number; maxLife: number };
  deck: {
    minSize: number;
    maxSize: number;
    copyLimit: number;
    banned: string[];
    /** Card types the copy limit does not count (basic energy). */
    copyLimitExempt?: string[];
  };
  openingHand: { first: number; second: number };
  /** `untilBasic` (battler): reshuffle until the hand holds a basic creature. */
  mulligan: 'none' | 'replaceChosen' | 'untilBasic';
  /** A card id given to the second player at the start (like a coin), or none. */
  secondPlayerBonus?: string;
  zones: ZoneDef[];
  cardTypes: Record<string, CardTypeDef>;
  resources: ResourceModel;
  turn: {
    phases: PhaseDef[];
    draw: { perTurn: number; firstPlayerSkipsFirstDraw: boolean; emptyDeck: 'fatigue' | 'lose' };
  };
  combat: {
    attacksPerTurn: number;
    summoningSickness: boolean;
    canAttackHeroes: boolean;
    blocking: 'none' | 'defenderAssigns';
    retaliation: boolean;
  };
  keywords: Record<string, KeywordDef>;
  stack: { mode: 'none' | 'responses'; windows: 'afterAttackDeclared'[] };
  triggerOrder: 'orderOfPlay' | 'apnap';
  /** `text`: the rule in the game's own words, said when it decides a match. */
  win: { check: WinCheck; result: 'win' | 'lose'; text?: string }[];
  simultaneousLoss: 'draw';
  turnLimit: { turns: number; result: 'draw' | 'mostLife' };
  clock: {
    turnSeconds: number;
    decisionSeconds: number;
    /** Consecutive turn timeouts after which a player concedes. */
    timeoutStrikes: number;
  };
  limits: { stepsPerCommand: number; triggersPerCommand: number; luaInstructions: number };
  /** Monster-battler rules; absent for other games. */
  battler?: BattlerRules;
  /** Words the rules-text generator uses: `unit`, `hero`, `spell`. */
  /** The ruleset's own nouns; `life` (what a hero has, "life" when absent) is optional. */
  vocabulary: { unit: string; hero: string; spell: string; life?: string };
}
