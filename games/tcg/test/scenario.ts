import { applyAction, canonicalJson, type MatchState, type Seat } from '@cardtable/engine';
import { expect } from 'vitest';
import { contentSourceFrom, demoSource, SPIRITBOUND_DIR } from '../content/demo/index.ts';
import {
  ContentRegistry,
  createTcgGame,
  loadContent,
  describeLoadProblem,
  type Content,
  type TcgAction,
  type TcgGame,
} from '../src/index.ts';
import { initialState } from '../src/engine/fold.ts';
import type { CardInstance, TcgState } from '../src/engine/state.ts';
import { statsOf } from '../src/engine/stats.ts';
import type { TcgDeck, TcgOptions } from '../src/engine/options.ts';
import type { ScriptHost } from '../src/engine/scripts.ts';

/**
 * Golden scenarios as data: a position (set up directly), the actions played on it, and what
 * must be true after each. Cards are named by place: `p0.hand.0`, `p1.board.2`, `p0.discard.0`,
 * `stack.top`, `hero:1`; anything else (`yes`, `0`) is passed through as is.
 */
export interface Scenario {
  name: string;
  seed?: string;
  /** The set the scenario starts from: the demo (default) or Spiritbound, the battler set. */
  base?: 'demo' | 'spiritbound';
  /** Deep-merged into the demo ruleset (a variant for this scenario; `key!` replaces). */
  ruleset?: Record<string, unknown>;
  /** Cards added to the demo set for this scenario. */
  cards?: unknown[];
  /** Demo cards left out of this scenario's set (e.g. counters under stack mode "none"). */
  without?: string[];
  setup: {
    active?: Seat;
    turn?: number;
    players: PlayerSetup[];
  };
  steps: Step[];
}

interface PlayerSetup {
  life?: number;
  mana?: number;
  maxMana?: number;
  hand?: string[];
  /**
   * Units on the board: an id, or {card, damage, exhausted, new}; in a battler the first is the
   * active creature, with its attached `energy`, `tool`, `under` cards and `conditions`.
   */
  board?: (
    | string
    | {
        card: string;
        damage?: number;
        exhausted?: boolean;
        new?: boolean;
        energy?: string[];
        tool?: string;
        under?: string[];
        conditions?: string[];
      }
  )[];
  /** Battler prize cards, top first. */
  prizes?: string[];
  /** Top card first. */
  deck?: string[];
  discard?: string[];
  /** Cards in zones of the ruleset's own (`road`, `exile`, ...), by zone id, in order. */
  zones?: Record<string, string[]>;
}

type Step = (
  | { do: 'play'; seat: Seat; card: string; targets?: Record<string, string[]> }
  | {
      do: 'activate';
      seat: Seat;
      card: string;
      ability: string;
      targets?: Record<string, string[]>;
    }
  | { do: 'useAttack'; seat: Seat; attack: string }
  | { do: 'retreat'; seat: Seat; to: string }
  | { do: 'evolve'; seat: Seat; card: string; unit: string }
  | { do: 'attack'; seat: Seat; attacker: string; target: string }
  | { do: 'attach'; seat: Seat; card: string; unit: string }
  | { do: 'answer'; seat: Seat; picks: string[] }
  | { do: 'pass' | 'endTurn' | 'timeout' | 'concede'; seat: Seat }
  /** Both players pass until the stack is empty. */
  | { do: 'resolve' }
) & { error?: string; expect?: Expectation; events?: string[] };

interface Expectation {
  players?: Partial<PlayerExpectation>[];
  pending?: { kind: string; player: Seat; candidates?: number } | null;
  stack?: number;
  outcome?: { winners: Seat[]; reason?: string; reasonText?: string } | null;
  active?: Seat;
  turn?: number;
}

interface PlayerExpectation {
  life: number;
  mana: number;
  hand: number | string[];
  deck: number;
  /** Units as `id` or `id attack/health [keywords]` (e.g. "demo/fire-imp 3/2"). */
  board: string[];
  discard: string[];
  exile: string[];
  /** Battler: prizes left, the active creature (`id` or `id attack/health`), its state. */
  prizes: number;
  activeCard: string | null;
  conditions: string[];
  energy: number;
  bench: string[];
}

const sources = new Map<string, Content>();

/** The demo content, or a variant of it, validated like any creator's content. */
export function scenarioContent(
  scenario: Pick<Scenario, 'ruleset' | 'cards' | 'without' | 'base'>,
): Content {
  const key = canonicalJson({
    b: scenario.base ?? 'demo',
    r: scenario.ruleset ?? null,
    c: scenario.cards ?? null,
    w: scenario.without ?? null,
  });
  let content = sources.get(key);
  if (!content) {
    const source =
      scenario.base === 'spiritbound' ? contentSourceFrom(SPIRITBOUND_DIR) : demoSource();
    const ruleset = merge(structuredClone(source.ruleset), scenario.ruleset ?? {});
    const cards = structuredClone(source.cards) as { cards: { id: string }[] };
    cards.cards = cards.cards.filter((card) => !(scenario.without ?? []).includes(card.id));
    cards.cards.push(...((scenario.cards ?? []) as { id: string }[]));
    const loaded = loadContent({ ...source, ruleset, cards, decks: undefined });
    if (!loaded.ok) throw new Error(loaded.problems.map(describeLoadProblem).join('\n'));
    content = loaded.content;
    sources.set(key, content);
  }
  return content;
}

/** Deep merge; a key written `name!` replaces `name` whole. */
function merge(target: unknown, patch: Record<string, unknown>): unknown {
  const out = target as Record<string, unknown>;
  for (const [raw, value] of Object.entries(patch)) {
    const key = raw.replace(/!$/, '');
    if (raw.endsWith('!')) {
      out[key] = value;
      continue;
    }
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      out[key] &&
      typeof out[key] === 'object'
    )
      out[key] = merge(out[key], value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/**
 * The scenario's position: the fold's initial state (`initialState`, what a match starts from)
 * for decks of exactly the cards placed, so each player's decklist counts them, with the
 * position set on it: the cards in their places, the turn's main phase, life and resources.
 */
export function buildState(content: Content, scenario: Scenario): TcgState {
  const { ruleset } = content;
  const turn = scenario.setup.turn ?? 3;
  let seq = 0;
  const cards: Record<string, CardInstance> = {};
  const place = (handle: string, defId: string, seat: Seat, extra: Partial<CardInstance>) => {
    if (!content.cards.has(defId)) throw new Error(`Scenario names an unknown card ${defId}`);
    cards[handle] = {
      handle,
      defId,
      owner: seat,
      controller: seat,
      zone: 'attached',
      playOrder: ++seq,
      damage: 0,
      attacks: 0,
      enteredTurn: 1,
      doomed: false,
      attachedTo: null,
      ...extra,
    };
  };
  const zonesOfPlayers = scenario.setup.players.map((p, seat) => {
    const zones: Record<string, string[]> = Object.fromEntries(
      ruleset.zones.map((z) => [z.id, []]),
    );
    const put = (zone: string, defId: string, extra: Partial<CardInstance> = {}) => {
      const handle = `s${seat}${zone}${zones[zone]!.length}`;
      place(handle, defId, seat as Seat, { zone, ...extra });
      zones[zone]!.push(handle);
    };
    for (const id of [...(p.deck ?? [])].reverse()) put('deck', id);
    for (const id of p.hand ?? []) put('hand', id);
    for (const id of p.discard ?? []) put('discard', id);
    for (const [zone, ids] of Object.entries(p.zones ?? {})) for (const id of ids) put(zone, id);
    for (const id of [...(p.prizes ?? [])].reverse()) put('prizes', id);
    for (const unit of p.board ?? []) {
      const u = typeof unit === 'string' ? { card: unit } : unit;
      put('board', u.card, {
        damage: u.damage ?? 0,
        attacks: u.exhausted ? 1 : 0,
        enteredTurn: u.new ? turn : 1,
        ...(u.conditions?.length ? { conditions: [...u.conditions] } : {}),
      });
      const attachedTo = zones.board!.at(-1)!;
      const attach = (defId: string, extra: Partial<CardInstance> = {}) =>
        place(`s${seat}att${seq}`, defId, seat as Seat, { attachedTo, ...extra });
      for (const id of u.under ?? []) attach(id, { under: true });
      for (const id of u.energy ?? []) attach(id);
      if (u.tool) attach(u.tool);
    }
    return zones;
  });
  const deckOf = (seat: Seat): TcgDeck => ({
    name: `p${seat}`,
    cards: Object.values(cards)
      .filter((card) => card.owner === seat)
      .map((card) => card.defId),
  });
  const decks: [TcgDeck, TcgDeck] = [deckOf(0), deckOf(1)];
  const initial = initialState(
    {
      options: { ruleset: ruleset.id, version: ruleset.version, decks },
      seats: decks.map(() => ({ kind: 'human' })),
      seed: scenario.seed ?? 'golden',
    },
    content,
  );
  const [first, second] = zonesOfPlayers.map((zones) => zones.board?.[0] ?? null);
  return {
    ...initial,
    status: 'playing',
    turn,
    active: scenario.setup.active ?? 0,
    phase: ruleset.turn.phases.findIndex((p) => p.kind === 'main'),
    players: initial.players.map((player, seat) => {
      const p = scenario.setup.players[seat]!;
      return {
        ...player,
        life: p.life ?? player.life,
        resource: { current: p.mana ?? 0, max: p.maxMana ?? p.mana ?? 0 },
        zones: zonesOfPlayers[seat]!,
      };
    }),
    cards,
    seq,
    ...(initial.battler && {
      battler: {
        ...initial.battler,
        active: [first ?? null, second ?? null],
        turnsTaken: [Math.ceil(turn / 2), Math.floor(turn / 2)],
      },
    }),
  };
}

/** Resolves a place (`p1.board.0`, `stack.top`, `hero:1`) to the handle there now. */
export function resolvePlace(state: TcgState, place: string): string {
  const match = /^p(\d)\.(\w+)\.(\d+)$/.exec(place);
  if (match) {
    const handle = state.players[Number(match[1])]!.zones[match[2]!]?.[Number(match[3])];
    if (!handle) throw new Error(`Nothing at ${place}`);
    return handle;
  }
  if (place === 'stack.top') {
    const item = state.stack.at(-1);
    if (item?.kind !== 'card') throw new Error('No card on top of the stack');
    return item.card;
  }
  return place;
}

export function runScenario(scenario: Scenario, scripts: ScriptHost | null): void {
  const content = scenarioContent(scenario);
  const game: TcgGame = createTcgGame({
    registry: new ContentRegistry([content]),
    scriptsFor: () => scripts,
  });
  const options: TcgOptions = {
    ruleset: content.ruleset.id,
    version: content.ruleset.version,
    decks: [
      { name: 'a', cards: [] },
      { name: 'b', cards: [] },
    ],
  };
  let match: MatchState<TcgState, TcgOptions> = {
    config: {
      options,
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: scenario.seed ?? 'golden',
    },
    state: buildState(content, scenario),
    version: 1,
  };
  scenario.steps.forEach((step, index) => {
    const where = `${scenario.name}, step ${index + 1} (${step.do})`;
    const types: string[] = [];
    const act = (seat: Seat, action: TcgAction) => {
      const result = applyAction(game, match, seat, action, `a${match.version}`);
      if (!result.ok) return result.error;
      match = result.value.match;
      types.push(...result.value.resolution.steps.map((s) => s.type));
      return null;
    };
    let error: { code: string; message: string } | null = null;
    const place = (p: string) => resolvePlace(match.state, p);
    switch (step.do) {
      case 'play': {
        const targets = step.targets
          ? Object.fromEntries(Object.entries(step.targets).map(([k, v]) => [k, v.map(place)]))
          : undefined;
        error = act(step.seat, {
          type: 'play',
          payload: targets ? { card: place(step.card), targets } : { card: place(step.card) },
        });
        break;
      }
      case 'activate': {
        const targets = step.targets
          ? Object.fromEntries(Object.entries(step.targets).map(([k, v]) => [k, v.map(place)]))
          : undefined;
        const payload = { card: place(step.card), ability: step.ability };
        error = act(step.seat, {
          type: 'activate',
          payload: targets ? { ...payload, targets } : payload,
        });
        break;
      }
      case 'attack':
        error = act(step.seat, {
          type: 'attack',
          payload: { attacker: place(step.attacker), target: place(step.target) },
        });
        break;
      case 'useAttack':
        error = act(step.seat, { type: 'useAttack', payload: { attack: step.attack } });
        break;
      case 'retreat':
        error = act(step.seat, { type: 'retreat', payload: { to: place(step.to) } });
        break;
      case 'evolve':
        error = act(step.seat, {
          type: 'evolve',
          payload: { card: place(step.card), unit: place(step.unit) },
        });
        break;
      case 'attach':
        error = act(step.seat, {
          type: 'attach',
          payload: { card: place(step.card), unit: place(step.unit) },
        });
        break;
      case 'answer': {
        const decision = match.state.pending?.decision.id ?? 'none';
        error = act(step.seat, {
          type: 'answer',
          payload: { decision, picks: step.picks.map(place) },
        });
        break;
      }
      case 'resolve':
        for (let i = 0; i < 40 && match.state.priority; i++)
          error ??= act(match.state.priority.holder, { type: 'pass', payload: {} });
        break;
      default:
        error = act(step.seat, { type: step.do, payload: {} });
    }
    if (step.error) expect(error?.code, `${where}: expected ${step.error}`).toBe(step.error);
    else expect(error, `${where}: rejected`).toBeNull();
    if (step.events)
      expect(subsequence(types, step.events), `${where}: events ${types.join(', ')}`).toBe(true);
    if (step.expect) check(content, match.state, step.expect, where);
  });
}

function subsequence(all: string[], wanted: string[]): boolean {
  let at = 0;
  for (const type of all) if (type === wanted[at]) at++;
  return at === wanted.length;
}

export function describeUnit(state: TcgState, content: Content, handle: string): string {
  const card = state.cards[handle]!;
  const stats = statsOf(state, content, handle);
  const keywords = [...stats.keywords].sort();
  return `${card.defId} ${stats.attack}/${stats.health}${keywords.length ? ` ${keywords.join(',')}` : ''}`;
}

function check(content: Content, state: TcgState, expected: Expectation, where: string): void {
  expected.players?.forEach((want, seat) => {
    const player = state.players[seat]!;
    const ids = (zone: string) => (player.zones[zone] ?? []).map((h) => state.cards[h]!.defId);
    const at = `${where}: player ${seat}`;
    if (want.life !== undefined) expect(player.life, `${at} life`).toBe(want.life);
    if (want.mana !== undefined) expect(player.resource.current, `${at} mana`).toBe(want.mana);
    if (typeof want.hand === 'number')
      expect(ids('hand').length, `${at} hand size`).toBe(want.hand);
    else if (want.hand) expect(ids('hand'), `${at} hand`).toEqual(want.hand);
    if (want.deck !== undefined) expect(ids('deck').length, `${at} deck size`).toBe(want.deck);
    if (want.discard) expect(ids('discard'), `${at} discard`).toEqual(want.discard);
    if (want.exile) expect(ids('exile'), `${at} exile`).toEqual(want.exile);
    if (want.prizes !== undefined) expect(ids('prizes').length, `${at} prizes`).toBe(want.prizes);
    const active = state.battler?.active[seat] ?? null;
    if (want.activeCard !== undefined) {
      const shown = active ? describeUnit(state, content, active) : null;
      expect(
        shown && !want.activeCard?.includes(' ') ? shown.split(' ')[0] : shown,
        `${at} active`,
      ).toBe(want.activeCard);
    }
    if (want.conditions)
      expect(active ? (state.cards[active]!.conditions ?? []) : [], `${at} conditions`).toEqual(
        want.conditions,
      );
    if (want.energy !== undefined)
      expect(
        Object.values(state.cards).filter(
          (c) =>
            c.attachedTo === active &&
            content.ruleset.cardTypes[content.cards.get(c.defId)!.type]?.kind === 'energy',
        ).length,
        `${at} energy on the active creature`,
      ).toBe(want.energy);
    if (want.bench)
      expect(
        (player.zones.board ?? []).filter((h) => h !== active).map((h) => state.cards[h]!.defId),
        `${at} bench`,
      ).toEqual(want.bench);
    if (want.board) {
      const units = (player.zones.board ?? []).map((h) => describeUnit(state, content, h));
      const shown = units.map((unit, i) =>
        want.board![i]?.includes(' ') ? unit : unit.split(' ')[0],
      );
      expect(shown, `${at} board`).toEqual(want.board);
    }
  });
  if (expected.pending !== undefined) {
    const pending = state.pending?.decision;
    if (expected.pending === null) expect(pending, `${where}: no decision`).toBeUndefined();
    else {
      expect({ kind: pending?.kind, player: pending?.player }, `${where}: decision`).toEqual({
        kind: expected.pending.kind,
        player: expected.pending.player,
      });
      if (expected.pending.candidates !== undefined)
        expect(pending?.candidates.length, `${where}: candidates`).toBe(
          expected.pending.candidates,
        );
    }
  }
  if (expected.stack !== undefined)
    expect(state.stack.length, `${where}: stack size`).toBe(expected.stack);
  if (expected.active !== undefined)
    expect(state.active, `${where}: active player`).toBe(expected.active);
  if (expected.turn !== undefined) expect(state.turn, `${where}: turn`).toBe(expected.turn);
  if (expected.outcome !== undefined) {
    if (expected.outcome === null) expect(state.outcome, `${where}: outcome`).toBeNull();
    else {
      expect(state.outcome?.winners, `${where}: winners`).toEqual(expected.outcome.winners);
      if (expected.outcome.reason)
        expect(state.outcome?.reason, `${where}: reason`).toBe(expected.outcome.reason);
      if (expected.outcome.reasonText)
        expect(state.outcome?.reasonText, `${where}: reasonText`).toBe(expected.outcome.reasonText);
    }
  }
}
