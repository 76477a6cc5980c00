import { seatViewer, type Outcome, type Seat, type Viewer } from '@cardtable/engine';
import type { BattlerRules, CardArt, PhaseDef, Ruleset } from '../content/ast.ts';
import {
  oncePerContent,
  cardOf,
  cardTypeOf,
  type CardDefinition,
  type Content,
} from '../content/content.ts';
import { keywordGlossary, type GlossaryEntry } from '../content/keywords.ts';
import { decisionText } from './decision-text.ts';
import { lifeWord, type ActivationTerms } from '../content/words.ts';
import { activatedParts, textBelowKeywords } from '../content/rules-text.ts';
import { namerFor } from '../content/check-cards.ts';
import { handleRecord } from './draft.ts';
import { statsOf } from './stats.ts';
import {
  ATTACHED,
  STACK,
  type CardInstance,
  type Continuation,
  type Decision,
  type Modifier,
  type StackItem,
  type Status,
  type TcgState,
  type TurnHistory,
} from './state.ts';

/** A card the viewer may see; units on the board also carry their derived numbers. */
export interface ViewCard extends CardInstance {
  stats?: { attack: number; health: number; maxHealth: number; keywords: string[] };
}

export interface PlayerView {
  seat: Seat;
  life: number;
  resource: { current: number; max: number };
  /** Each zone as a list of handles when the viewer may see it, else only its size. */
  zones: Record<string, string[] | number>;
  fatigue: number;
  strikes: number;
  lost: string | null;
  decklist: Record<string, number>;
}

/** A decision as its chooser sees it (others see only who decides and what kind). */
export type DecisionView =
  | (Omit<Decision, 'defaultPicks'> & {
      continuation?: Continuation;
      /** The decision in words: which card asks and what for (`decisionText`). */
      text: string;
    })
  | { id: string; player: Seat; kind: string };

/** What a table needs to draw a card: its printed face. */
export interface CardFace {
  id: string;
  name: string;
  type: string;
  kind: 'unit' | 'spell' | 'energy' | 'stadium' | 'tool';
  cost: number;
  stats: { attack: number; health: number } | null;
  keywords: string[];
  speed: 'normal' | 'instant';
  token: boolean;
  /** Its rules text beneath the keywords (`keywords` names them; the card's `text` says both). */
  text: string;
  /** The card's palette hint, when its content gives one. */
  art?: CardArt;
  /** Battler cards only: type, stage, attacks, retreat, weakness, resistance, prize value. */
  battler?: BattlerFace;
  /** Cards with activated abilities of their own only, in the card's order. */
  activated?: ActivatedFace[];
}

/**
 * An activated ability as a table shows it: its terms as data (what a button says it costs),
 * what it does and its rules line, worded once (`activatedParts`).
 */
export interface ActivatedFace {
  id: string;
  /** The rules line: "Activate (2 mana, exhaust; once a turn): Deal 1 damage to an enemy unit." */
  text: string;
  /** What it does: "Deal 1 damage to an enemy unit." */
  effect: string;
  terms: ActivationTerms;
}

/**
 * A keyword as the view explains it; a custom keyword with activated abilities also carries
 * them, since a unit may have it without its card printing it (a grant).
 */
export interface KeywordView extends GlossaryEntry {
  activated?: ActivatedFace[];
}

export interface BattlerFace {
  element: string | null;
  stage: number;
  evolvesFrom: string | null;
  attacks: { id: string; name: string; cost: string[]; damage: number | null }[];
  retreat: number;
  weakness: string | null;
  resistance: string | null;
  prizeValue: number;
}

/** The battler's public state (and the viewer's own pending setup choice). */
export interface BattlerView {
  active: [string | null, string | null];
  turnCounts: Record<string, number>;
  turnsTaken: [number, number];
  /** Who has chosen their setup; the viewer's own choice (hand handles). */
  setupChosen: [boolean, boolean];
  mySetup: { active: string; bench: string[] } | null;
  rules: {
    bench: number;
    prizeZone: string;
    stadiumZone: string | null;
    energyTypes: string[];
    wildcard: string;
    damageCounter: number;
    conditions: Record<string, { name: string; reminder: string }>;
  };
}

/** A phase of the ruleset's turn: an automatic one runs by itself, a main one is played. */
export interface PhaseView {
  id: string;
  kind: PhaseDef['kind'];
  /** The ruleset's own name for it, when it gives one (`phaseName` makes one from the id). */
  name?: string;
}

export interface TcgView {
  seat: Seat | null;
  content: { id: string; version: string; hash: string };
  status: Status;
  mulligan: Seat[];
  firstPlayer: Seat;
  turn: number;
  active: Seat;
  phase: { index: number; id: string | null };
  /** The ruleset's turn, phase by phase (what `phase.index` points into). */
  phases: PhaseView[];
  players: PlayerView[];
  /** Every card the viewer may see, by handle. */
  cards: Record<string, ViewCard>;
  modifiers: Modifier[];
  stack: StackItem[];
  priority: { holder: Seat; otherPassed: boolean } | null;
  pending: DecisionView | null;
  history: TurnHistory;
  abilityUses: Record<string, number>;
  seq: number;
  outcome: Outcome | null;
  clock: { turnSeconds: number; decisionSeconds: number; timeoutStrikes: number };
  /** The faces of the cards in this view (only those the viewer can see), by definition id. */
  faces: Record<string, CardFace>;
  /**
   * The ruleset's keywords with their reminder text, its resource's name and its word for a
   * hero's life (`vocabulary.life`, "life" when it has none).
   */
  glossary: { keywords: Record<string, KeywordView>; resource: string; life: string };
  /** Battler rulesets only. */
  battler?: BattlerView;
}

export function canSee(content: Content, viewer: Viewer, zone: string, controller: Seat): boolean {
  if (viewer.kind === 'all' || zone === STACK || zone === ATTACHED) return true;
  const visibility = factsOf(content).visibility.get(zone) ?? 'public';
  return (
    visibility === 'public' ||
    (visibility === 'owner' && viewer.kind === 'seat' && viewer.seat === controller)
  );
}

/**
 * What every view of a content shares, found once per content: each zone's visibility (asked
 * for every card of every view and projected event), the card faces, the keyword glossary and
 * the battler's rules. Views share these objects; nothing changes a view in place.
 */
interface ContentFacts {
  visibility: ReadonlyMap<string, string>;
  faces: Map<string, CardFace>;
  glossary: Record<string, KeywordView>;
  battlerRules: BattlerView['rules'] | null;
  phases: PhaseView[];
}

const factsOf = oncePerContent(({ ruleset, cards }): ContentFacts => ({
  visibility: new Map(ruleset.zones.map((z) => [z.id, z.visibility ?? 'public'])),
  faces: new Map(),
  glossary: keywordsView(ruleset, cards),
  battlerRules: ruleset.battler ? battlerRules(ruleset.battler) : null,
  phases: ruleset.turn.phases.map(({ id, kind, name }) => ({
    id,
    kind,
    ...(name ? { name } : {}),
  })),
}));

/** What one viewer may know: hidden zones are sizes only, and nothing server-only is included. */
export function view(state: TcgState, content: Content, viewer: Viewer): TcgView {
  return viewOf(state, content, viewer, false);
}

/** No faces: a CPU's view (`cpuView`). */
const NO_FACES: Readonly<Record<string, CardFace>> = Object.freeze(handleRecord<CardFace>());

/**
 * A seat's view as the CPU reads it, for a caller that hands it to the CPU only (the balance
 * batch): `view` without what only a table draws, which the CPU's dealer threw away (3-7% of an
 * easy batch), the card faces (empty) and the board units' derived numbers (`stats`: the dealer
 * took them off again, and a guess derives its own). Never sent to a client.
 */
export function cpuView(state: TcgState, content: Content, seat: Seat): TcgView {
  return viewOf(state, content, seatViewer(seat), true);
}

function viewOf(state: TcgState, content: Content, viewer: Viewer, forCpu: boolean): TcgView {
  const cards = handleRecord<ViewCard>();
  for (const card of Object.values(state.cards)) {
    if (!canSee(content, viewer, card.zone, card.controller)) continue;
    if (card.zone !== 'board' || forCpu) cards[card.handle] = card;
    else {
      const s = statsOf(state, content, card.handle);
      cards[card.handle] = {
        ...card,
        stats: {
          attack: s.attack,
          health: s.health,
          maxHealth: s.maxHealth,
          keywords: [...s.keywords].sort(),
        },
      };
    }
  }
  const players = state.players.map((p): PlayerView => ({
    seat: p.seat,
    life: p.life,
    resource: p.resource,
    zones: Object.fromEntries(
      Object.entries(p.zones).map(([zone, list]) => [
        zone,
        canSee(content, viewer, zone, p.seat) ? list : list.length,
      ]),
    ),
    fatigue: p.fatigue,
    strikes: p.strikes,
    lost: p.lost,
    decklist: p.decklist,
  }));
  const phase = content.ruleset.turn.phases[state.phase];
  return {
    seat: viewer.kind === 'seat' ? viewer.seat : null,
    content: state.content,
    status: state.status,
    mulligan: state.mulligan,
    firstPlayer: state.firstPlayer,
    turn: state.turn,
    active: state.active,
    phase: { index: state.phase, id: phase?.id ?? null },
    phases: factsOf(content).phases,
    players,
    cards,
    modifiers: state.modifiers,
    stack: state.stack,
    priority: state.priority,
    pending: pendingView(state, content, viewer, cards),
    history: state.history,
    abilityUses: Object.fromEntries(
      Object.entries(state.abilityUses).filter(([key]) => key.split('/')[0]! in cards),
    ),
    seq: state.seq,
    outcome: state.outcome,
    clock: content.ruleset.clock,
    faces: forCpu ? NO_FACES : facesOf(content, cards),
    glossary: {
      keywords: factsOf(content).glossary,
      resource: content.ruleset.resources.name,
      life: lifeWord(content.ruleset.vocabulary),
    },
    ...(state.battler ? { battler: battlerView(state, content, viewer) } : {}),
  };
}

function battlerView(state: TcgState, content: Content, viewer: Viewer): BattlerView {
  const b = state.battler!;
  const mine = viewer.kind === 'seat' ? b.setup[viewer.seat] : null;
  return {
    active: b.active,
    turnCounts: b.turnCounts,
    turnsTaken: b.turnsTaken,
    setupChosen: [b.setup[0] !== null, b.setup[1] !== null],
    mySetup: state.status === 'mulligan' && mine ? mine : null,
    rules: factsOf(content).battlerRules!,
  };
}

function battlerRules(rules: BattlerRules): BattlerView['rules'] {
  return {
    bench: rules.bench,
    prizeZone: rules.prizeZone,
    stadiumZone: rules.stadiumZone ?? null,
    energyTypes: rules.energyTypes,
    wildcard: rules.wildcard,
    damageCounter: rules.damageCounter,
    conditions: Object.fromEntries(
      Object.entries(rules.conditions).map(([id, c]) => [
        id,
        { name: c.name, reminder: c.reminder },
      ]),
    ),
  };
}

function battlerFace(def: CardDefinition): BattlerFace {
  return {
    element: def.element ?? null,
    stage: def.stage ?? 0,
    evolvesFrom: def.evolvesFrom ?? null,
    attacks: (def.attacks ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      cost: a.cost,
      damage: typeof a.damage === 'number' ? a.damage : null,
    })),
    retreat: def.retreat ?? 0,
    weakness: def.weakness ?? null,
    resistance: def.resistance ?? null,
    prizeValue: def.prizeValue ?? 1,
  };
}

function facesOf(content: Content, cards: Record<string, ViewCard>): Record<string, CardFace> {
  const known = factsOf(content).faces;
  // A dictionary, as the cards are (`handleRecord`): card ids come in every order from view to
  // view, and a plain object built key by key made a hidden class per order (3% of a demo batch).
  const faces = handleRecord<CardFace>();
  for (const card of Object.values(cards)) {
    if (faces[card.defId]) continue;
    let face = known.get(card.defId);
    if (!face) known.set(card.defId, (face = cardFaceOf(content, cardOf(content, card.defId))));
    faces[card.defId] = face;
  }
  return faces;
}

/**
 * What a table shows of a card definition: its printed face and generated rules text (beneath
 * its keywords, which the face names as chips: the text does not say them again).
 */
export function cardFaceOf(content: Content, def: CardDefinition): CardFace {
  return {
    id: def.id,
    name: def.name,
    type: def.type,
    kind: cardTypeOf(content, def).kind,
    cost: def.cost,
    stats: def.stats ?? null,
    keywords: def.keywords ?? [],
    speed: def.speed ?? 'normal',
    token: def.token,
    text: textBelowKeywords(def, content.ruleset, namerFor(def, content.cards)),
    ...(def.art ? { art: def.art } : {}),
    ...(content.ruleset.battler ? { battler: battlerFace(def) } : {}),
    ...activatedFace(content, def),
  };
}

function activatedFace(content: Content, def: CardDefinition): Pick<CardFace, 'activated'> {
  const nameOf = namerFor(def, content.cards);
  const activated = (def.abilities ?? []).flatMap((a) =>
    a.kind === 'activated' ? [{ id: a.id, ...activatedParts(a, content.ruleset, nameOf) }] : [],
  );
  return activated.length ? { activated } : {};
}

/** The ruleset's keywords explained, custom ones with their activated abilities. */
function keywordsView(ruleset: Ruleset, cards: Content['cards']): Record<string, KeywordView> {
  const nameOf = namerFor({}, cards);
  return Object.fromEntries(
    Object.entries(keywordGlossary(ruleset)).map(([id, entry]) => {
      const activated = (ruleset.keywords[id]!.abilities ?? []).flatMap((a) =>
        a.kind === 'activated' ? [{ id: a.id, ...activatedParts(a, ruleset, nameOf) }] : [],
      );
      return [id, activated.length ? { ...entry, activated } : entry];
    }),
  );
}

function pendingView(
  state: TcgState,
  content: Content,
  viewer: Viewer,
  visible: Record<string, ViewCard>,
): DecisionView | null {
  if (!state.pending) return null;
  const { decision, continuation } = state.pending;
  const chooser =
    viewer.kind === 'all' || (viewer.kind === 'seat' && viewer.seat === decision.player);
  if (!chooser) return { id: decision.id, player: decision.player, kind: decision.kind };
  const { defaultPicks: _default, ...rest } = decision;
  const shown = { ...rest, text: decisionText(decision, state, content) };
  // The paused work goes to the chooser only when it names no card they cannot see.
  const safe = viewer.kind === 'all' || mentionsOnly(continuation, state, visible);
  return safe ? { ...shown, continuation } : shown;
}

function mentionsOnly(value: unknown, state: TcgState, visible: Record<string, ViewCard>): boolean {
  if (typeof value === 'string') return !(value in state.cards) || value in visible;
  if (Array.isArray(value)) return value.every((v) => mentionsOnly(v, state, visible));
  if (value && typeof value === 'object')
    return Object.values(value).every((v) => mentionsOnly(v, state, visible));
  return true;
}
