import {
  applyAction,
  createRng,
  projectResolution,
  seatViewer,
  startMatch,
  type Viewer,
} from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import type { TcgEvent } from '../src/engine/events.ts';
import type { TcgState } from '../src/engine/state.ts';
import { ContentRegistry, createTcgGame, type TcgGame } from '../src/index.ts';
import { tcgControls } from '../src/ui/index.ts';
import { buildState, scenarioContent } from './scenario.ts';
import { playRandomly, spiritboundGame } from './helpers.ts';
import { spiritboundContent } from '../content/demo/index.ts';
import { attackProblem, retreatProblem } from '../src/engine/battler/moves.ts';
import { toolProblem } from '../src/engine/battler/play-rules.ts';

const game: TcgGame = spiritboundGame();
const viewers: Viewer[] = [seatViewer(0), seatViewer(1), { kind: 'spectator' }];

/** A 40-card deck with a single basic creature: most opening hands have none. */
const oneBasic = {
  name: 'one basic',
  cards: [
    { card: 'spirit/sproutle', count: 1 },
    { card: 'spirit/grass-energy', count: 39 },
  ],
};

function start(seed: string, decks: unknown[] = ['grass', 'fire']) {
  const options = game.parseOptions({ ruleset: 'spiritbound', decks }, 2);
  if (!options.ok) throw new Error(options.error.message);
  return startMatch(game, {
    options: options.value,
    seats: [{ kind: 'human' }, { kind: 'human' }],
    seed,
  });
}

const eventsOf = (steps: readonly { type: string; data: unknown }[]) =>
  steps as unknown as TcgEvent[];

describe('battler setup', () => {
  it('mulligans until a basic is in hand; each reshuffled hand is shown and the opponent draws one extra per mulligan', () => {
    let seen = 0;
    for (let i = 0; i < 12; i++) {
      const { match, resolution } = start(`mulligan-${i}`, [oneBasic, 'fire']);
      const events = eventsOf(resolution.steps);
      const revealed = events.filter((e) => e.type === 'mulliganRevealed');
      const mulligans = [0, 1].map((seat) => revealed.filter((e) => e.data.player === seat).length);
      seen += mulligans[0]!;
      for (const e of revealed) {
        expect(e.data.cards.some((c) => /sproutle|cindercub|emberling|ashmole/.test(c.defId))).toBe(
          false,
        );
        expect(e.data.count).toBe(7);
      }
      const hand = (seat: number) =>
        match.state.players[seat]!.zones.hand!.map((h) => match.state.cards[h]!.defId);
      expect(hand(0)).toContain('spirit/sproutle');
      expect(hand(0)).toHaveLength(7 + Math.max(0, mulligans[1]! - mulligans[0]!));
      expect(hand(1)).toHaveLength(7 + Math.max(0, mulligans[0]! - mulligans[1]!));
      expect(match.state.status).toBe('mulligan');
      // Mulligan hands are public: every viewer gets the same event.
      for (const viewer of viewers)
        expect(
          projectResolution(game, game.initialState(match.config), resolution, viewer)
            .filter((s) => s.type === 'mulliganRevealed')
            .map((s) => s.data),
        ).toEqual(revealed.map((e) => e.data));
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('keeps a setup choice from the other player until both have chosen, then deals face-down prizes', () => {
    const { match } = start('setup');
    const legal = game.legalActions(match.state, 0);
    expect(legal.every((a) => a.type === 'setup')).toBe(true);
    const first = applyAction(game, match, 0, legal.at(-1)!, 'a1');
    if (!first.ok) throw new Error(first.error.message);
    const chosen = projectResolution(game, match.state, first.value.resolution, seatViewer(1));
    const event = chosen.find((s) => s.type === 'setupChosen')!;
    expect(event.data).toEqual({ player: 0, active: null, bench: null });
    expect(game.view(first.value.match.state, seatViewer(1)).battler!.mySetup).toBeNull();
    expect(game.view(first.value.match.state, seatViewer(0)).battler!.mySetup).not.toBeNull();
    const state1 = first.value.match.state;
    expect(state1.players[0]!.zones.board).toEqual([]);
    const second = applyAction(game, first.value.match, 1, game.legalActions(state1, 1)[0]!, 'a2');
    if (!second.ok) throw new Error(second.error.message);
    const state = second.value.match.state;
    expect(state.status).toBe('playing');
    for (const seat of [0, 1]) {
      expect(state.players[seat]!.zones.prizes).toHaveLength(4);
      expect(state.battler!.active[seat]).toBe(state.players[seat]!.zones.board![0]);
    }
    // Prizes are face down for everyone, their owner included.
    for (const viewer of viewers) {
      const view = game.view(state, viewer);
      expect(view.players.map((p) => p.zones.prizes)).toEqual([4, 4]);
      expect(Object.values(view.cards).some((c) => c.zone === 'prizes')).toBe(false);
      for (const step of projectResolution(game, state1, second.value.resolution, viewer).filter(
        (s) => s.type === 'cardMoved',
      )) {
        const data = step.data as {
          to: { zone: string };
          defId: string | null;
          handle: string | null;
        };
        if (data.to.zone === 'prizes') expect([data.defId, data.handle]).toEqual([null, null]);
      }
    }
  });
});

describe('battler play', () => {
  const countCards = (state: TcgState, seat: number) =>
    Object.values(state.cards).filter((c) => c.owner === seat).length;

  it('conserves every card: each player owns exactly their 40 wherever they are', () => {
    for (const seed of ['cards-1', 'cards-2'])
      playRandomly(game, seed, ({ resolution }) => {
        const state = resolution.statesAfter.at(-1)!;
        expect([countCards(state, 0), countCards(state, 1)]).toEqual([40, 40]);
      });
  });

  it('shows coin flips to everyone alike, drawn from the match RNG (same seed, same flips)', () => {
    const flips = (seed: string) => {
      const out: unknown[] = [];
      playRandomly(game, seed, ({ before, resolution }) => {
        const all = resolution.steps.filter((s) => s.type === 'coinFlipped').map((s) => s.data);
        for (const viewer of viewers)
          expect(
            projectResolution(game, before, resolution, viewer)
              .filter((s) => s.type === 'coinFlipped')
              .map((s) => s.data),
          ).toEqual(all);
        out.push(...all);
      });
      return out;
    };
    const a = flips('flips');
    expect(a.length).toBeGreaterThan(0);
    expect(flips('flips')).toEqual(a);
  });
});

/** A match between two easy CPUs, each resolution with the state before it. */
function cpuMatch(seed: string, decks: [string, string]) {
  const options = game.parseOptions({ ruleset: 'spiritbound', decks }, 2);
  if (!options.ok) throw new Error(options.error.message);
  const started = startMatch(game, {
    options: options.value,
    seats: [
      { kind: 'cpu', profile: 'easy' },
      { kind: 'cpu', profile: 'easy' },
    ],
    seed,
  });
  let match = started.match;
  const steps = [];
  const types = new Set<string>();
  for (let n = 0; n < 400 && !game.outcome(match.state); n++) {
    const seat = game.activeSeats(match.state)[0]!;
    const action = game.cpu!.choose({
      view: game.view(match.state, seatViewer(seat)),
      legal: game.legalActions(match.state, seat),
      seat,
      profile: 'easy',
      rng: createRng(seed, n),
    });
    types.add(action.type);
    const applied = applyAction(game, match, seat, action, `a${n}`);
    if (!applied.ok) throw new Error(applied.error.message);
    steps.push({ before: match.state, resolution: applied.value.resolution });
    match = applied.value.match;
  }
  return { match, steps, types };
}

describe('the CPU in a battler', () => {
  const played = cpuMatch('cpu-battler', ['water', 'grass']);

  it('plays to the end, setting up, attaching energy, evolving, playing trainers and attacking', () => {
    expect(game.outcome(played.match.state)).not.toBeNull();
    for (const type of ['setup', 'attach', 'play', 'useAttack', 'evolve'])
      expect(played.types).toContain(type);
  });

  it('keeps prizes hidden from their owner until taken, then shows the taken card to the owner only', () => {
    let taken = 0;
    for (const { before, resolution } of played.steps)
      for (const [i, step] of resolution.steps.entries()) {
        const data = step.data as { from?: { zone: string; player: number }; defId?: string };
        if (step.type !== 'cardMoved' || data.from?.zone !== 'prizes') continue;
        taken++;
        const owner = data.from.player;
        for (const viewer of viewers) {
          const projected = projectResolution(game, before, resolution, viewer)[i]!;
          const defId = (projected.data as { defId: string | null }).defId;
          if (viewer.kind === 'seat' && viewer.seat === owner) expect(defId).toBe(data.defId);
          else expect(defId).toBeNull();
        }
      }
    expect(taken).toBeGreaterThan(0);
  });
});

describe('the CPU against a random player', () => {
  it('wins clearly: easy CPU against uniformly random legal moves, both seats, two matchups', () => {
    let wins = 0;
    const games = 8;
    for (let i = 0; i < games; i++) {
      const decks: [string, string] = i % 4 < 2 ? ['water', 'fire'] : ['grass', 'psychic'];
      const cpuSeat = i % 2;
      const options = game.parseOptions({ ruleset: 'spiritbound', decks }, 2);
      if (!options.ok) throw new Error(options.error.message);
      let { match } = startMatch(game, {
        options: options.value,
        seats: [{ kind: 'human' }, { kind: 'human' }],
        seed: `vs-random-${i}`,
      });
      const rng = createRng(`random-${i}`);
      for (let n = 0; n < 600 && !game.outcome(match.state); n++) {
        const seat = game.activeSeats(match.state)[0]!;
        const legal = game.legalActions(match.state, seat);
        const action =
          seat === cpuSeat
            ? game.cpu!.choose({
                view: game.view(match.state, seatViewer(seat)),
                legal,
                seat,
                profile: 'easy',
                rng: createRng(`cpu-${i}`, n),
              })
            : legal[rng.int(0, legal.length - 1)]!;
        const applied = applyAction(game, match, seat, action, `a${n}`);
        if (!applied.ok) throw new Error(applied.error.message);
        match = applied.value.match;
      }
      if (game.outcome(match.state)?.winners.includes(cpuSeat)) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(7);
  }, 240_000);
});

describe('battler controls for a table', () => {
  it('group setups, attacks, retreats and evolutions from the LEGAL list', () => {
    const { match } = start('controls');
    const setup = tcgControls(
      game.view(match.state, seatViewer(0)),
      game.legalActions(match.state, 0),
    );
    expect(setup.battler!.setups.length).toBe(game.legalActions(match.state, 0).length);
    const scenario = {
      name: 'controls',
      base: 'spiritbound' as const,
      setup: {
        players: [
          {
            board: [
              { card: 'spirit/blazepaw', energy: ['spirit/fire-energy', 'spirit/fire-energy'] },
              'spirit/cindercub',
            ],
            hand: ['spirit/blazepaw'],
            deck: ['spirit/fire-energy'],
          },
          { board: ['spirit/tidepup'], deck: ['spirit/fire-energy'] },
        ],
      },
      steps: [],
    };
    const content = scenarioContent(scenario);
    const state = buildState(content, scenario);
    const played = createTcgGame({ registry: new ContentRegistry([content]) });
    const controls = tcgControls(played.view(state, seatViewer(0)), played.legalActions(state, 0));
    const [active, bench] = state.players[0]!.zones.board!;
    expect(controls.battler).toEqual({
      attacks: ['flame'],
      retreats: [bench],
      evolutions: { [state.players[0]!.zones.hand![0]!]: [bench] },
      setups: [],
    });
    expect(active).toBe(state.battler!.active[0]);
  });
});

describe("a battler's refusals, in the ruleset's words", () => {
  it('say its word for a creature and its resource, not fixed ones', () => {
    const base = spiritboundContent();
    const content = {
      ...base,
      ruleset: {
        ...base.ruleset,
        vocabulary: { ...base.ruleset.vocabulary, unit: 'monster' },
        resources: { ...base.ruleset.resources, name: 'spark' },
      },
    };
    const state = buildState(content, { name: 'words', setup: { players: [{}, {}] }, steps: [] });
    const r = { state, content };
    expect(attackProblem(r, 0, 'bite')).toBe('You have no active monster.');
    expect(retreatProblem(r, 0, 's0board0')).toBe('You have no active monster.');
    expect(toolProblem(state, content, 0, 's0board0')).toBe(
      'Attach a tool to a monster of yours in play.',
    );
  });
});
