import { applyAction, createRng, seatViewer, type MatchState } from '@cardtable/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentRegistry, createTcgGame, determinize, tcgCpu, type TcgGame } from '../src/index.ts';
import { cpuView } from '../src/engine/view.ts';
import { demoContent } from '../content/demo/index.ts';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';
import type { TcgEvent } from '../src/engine/events.ts';
import { demoScripts } from './lua-host.ts';
import {
  contentOf as contentOfGame,
  hollowmereGame,
  hourglassGame,
  newMatch,
  saltroadGame,
  titheGame,
} from './helpers.ts';
import { evaluate } from '../src/cpu/evaluate.ts';
import { raceProgress } from '../src/cpu/evaluate-race.ts';
import { buildState, type Scenario } from './scenario.ts';
import type { Content } from '../src/content/content.ts';
import { hex8 } from '../src/cpu/search.ts';
import { cpuMove } from './cpu-games.ts';

let game: TcgGame;
beforeAll(async () => {
  const scripts = await demoScripts();
  game = createTcgGame({
    registry: new ContentRegistry([demoContent()]),
    scriptsFor: () => scripts,
    cpu: tcgCpu,
  });
});

const choose = (state: TcgState, profile: string, seed: string) => {
  const seat = game.activeSeats(state)[0]!;
  return game.cpu!.choose({
    view: game.view(state, seatViewer(seat)),
    legal: game.legalActions(state, seat),
    seat,
    profile,
    rng: createRng(seed),
  });
};

/** Advances a match with CPU moves until `stop` holds. */
function playUntil(
  match: MatchState<TcgState, TcgOptions>,
  profile: string,
  stop: (s: TcgState) => boolean,
  limit = 400,
) {
  for (let n = 0; n < limit && !game.outcome(match.state) && !stop(match.state); n++) {
    const seat = game.activeSeats(match.state)[0]!;
    const applied = applyAction(game, match, seat, choose(match.state, profile, `m${n}`), `a${n}`);
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
  }
  return match;
}

describe('CPU players', () => {
  it("mints a playout's handle digits as number-to-hex does", () => {
    const rng = createRng('hex8', 0);
    const samples = [0, 1, 0xff, 0x100, 0xffff, 0x1_0000, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff];
    for (let i = 0; i < 10_000; i++) samples.push(rng.nextU32());
    for (const n of samples) expect(hex8(n)).toBe(n.toString(16).padStart(8, '0'));
  });

  it('offers easy and hard', () => {
    expect(game.cpu!.profiles).toEqual(['easy', 'hard']);
  });

  it('is deterministic given its Rng', () => {
    const match = playUntil(
      newMatch(game, 'cpu-det').match,
      'easy',
      (s) => s.turn >= 4 && s.active === 0 && !s.priority,
    );
    for (const profile of ['easy', 'hard'])
      expect(choose(match.state, profile, 'x')).toEqual(choose(match.state, profile, 'x'));
  });

  it('decides from its view only: hidden cards it cannot see do not change its choice', () => {
    const match = playUntil(
      newMatch(game, 'cpu-view').match,
      'easy',
      (s) => s.turn >= 5 && !s.priority && !s.pending,
    );
    const seat = game.activeSeats(match.state)[0]!;
    const other = match.state.players[1 - seat]!;
    const swapped = structuredClone(match.state);
    const hidden = [...(other.zones.hand ?? []), ...(other.zones.deck ?? [])];
    hidden.forEach(
      (h, i) =>
        (swapped.cards[h]!.defId = match.state.cards[hidden[(i + 1) % hidden.length]!]!.defId),
    );
    expect(choose(swapped, 'hard', 'y')).toEqual(choose(match.state, 'hard', 'y'));
  });

  it.each(['easy', 'hard'])('takes lethal when it has it (%s)', (profile) => {
    const scenario: Scenario = {
      name: 'lethal',
      setup: {
        players: [
          {
            board: ['demo/swift-raider', 'demo/shield-bearer'],
            hand: ['demo/spark'],
            deck: ['demo/spark'],
          },
          { life: 2, board: ['demo/spiked-wall'], deck: ['demo/spark'] },
        ],
      },
      steps: [],
    };
    const state = buildState(demoContent(), scenario);
    state.players[1]!.zones.board = [];
    expect(choose(state, profile, 'lethal')).toEqual({
      type: 'attack',
      payload: { attacker: 's0board0', target: 'hero:1' },
    });
  });

  it("deals the same guesses from the balance batch's lean view as from the full view", () => {
    let match = newMatch(game, 'cpu-lean-view').match;
    let boardUnits = 0;
    for (let n = 0; n < 60 && !game.outcome(match.state); n++) {
      const content = game.contentOf(match.state);
      for (const seat of [0, 1]) {
        const full = determinize(
          game.view(match.state, seatViewer(seat)),
          content,
          createRng(`g${n}`),
        );
        const lean = determinize(cpuView(match.state, content, seat), content, createRng(`g${n}`));
        expect(lean).toEqual(full);
      }
      boardUnits += match.state.players.flatMap((p) => p.zones.board ?? []).length;
      const seat = game.activeSeats(match.state)[0]!;
      const applied = applyAction(game, match, seat, choose(match.state, 'easy', `l${n}`), `a${n}`);
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
    }
    // Units on the board (whose stats the full view adds and the dealer takes off) were compared.
    expect(boardUnits).toBeGreaterThan(30);
  });

  it('plays a whole match to the end', () => {
    const match = playUntil(newMatch(game, 'cpu-game').match, 'easy', () => false, 2000);
    expect(game.outcome(match.state)).not.toBeNull();
  });
});

describe("CPU players on a creator's game (Hollowmere)", () => {
  it('play it to the end, both decks, and use its activated abilities', async () => {
    const hollowmere = await hollowmereGame();
    const used = new Set<string>();
    for (const seed of ['hm-1', 'hm-2']) {
      let match = newMatch(hollowmere, seed).match;
      for (let n = 0; n < 1500 && !hollowmere.outcome(match.state); n++) {
        const seat = hollowmere.activeSeats(match.state)[0]!;
        const action = hollowmere.cpu!.choose({
          view: hollowmere.view(match.state, seatViewer(seat)),
          legal: hollowmere.legalActions(match.state, seat),
          seat,
          profile: 'easy',
          rng: createRng(`${seed}:${n}`),
        });
        const applied = applyAction(hollowmere, match, seat, action, `a${n}`);
        if (!applied.ok) throw new Error(applied.error.message);
        for (const step of applied.value.resolution.steps as readonly TcgEvent[])
          if (step.type === 'abilityActivated') used.add(step.data.abilityId);
        match = applied.value.match;
      }
      expect(hollowmere.outcome(match.state), seed).not.toBeNull();
    }
    expect([...used].sort()).toEqual(['flare', 'quake']);
  });
});

describe('the CPU and a steal (The Counting House: Pickpocket steals up to 3 coin)', () => {
  it('scores a steal by what it took: from an empty purse only its cost; plays it on a full one', async () => {
    const tithe = await titheGame();
    try {
      const content = contentOfGame(tithe);
      /** Halfway to the hoard of 20, Pickpocket in hand, the rival holding `theirs` coin. */
      const match = (theirs: number): MatchState<TcgState, TcgOptions> => ({
        config: {
          options: {
            ruleset: 'tithe',
            version: content.ruleset.version,
            decks: [
              { name: 'a', cards: [] },
              { name: 'b', cards: [] },
            ],
          },
          seats: [{ kind: 'human' }, { kind: 'human' }],
          seed: 'steal',
        },
        state: buildState(content, {
          name: 'steal',
          setup: {
            players: [
              { mana: 10, maxMana: 7, hand: ['tithe/pickpocket'], deck: ['tithe/moneylender'] },
              { mana: theirs, maxMana: 7, deck: ['tithe/moneylender'] },
            ],
          },
          steps: [],
        }),
        version: 1,
      });
      const play = { type: 'play' as const, payload: { card: 's0hand0' } };
      /** What playing it is worth to the CPU's evaluation, the resolved steal included. */
      const worth = (theirs: number) => {
        const before = match(theirs);
        const applied = applyAction(tithe, before, 0, play, 'a1');
        if (!applied.ok) throw new Error(applied.error.message);
        const after = applied.value.match.state;
        return evaluate(after, content, 0) - evaluate(before.state, content, 0);
      };
      expect(worth(10)).toBeGreaterThan(0);
      // A spend then a gain would have given 3 coin here too; a steal gives nothing for its cost.
      expect(worth(0)).toBeLessThan(0);
      for (const profile of ['easy', 'hard']) {
        const { state } = match(10);
        expect(cpuMove(tithe, state, profile, createRng('steal')), profile).toEqual([0, play]);
      }
      // On an empty purse the steal only costs. Hard scores playing it and ending the turn at
      // once at the same point (the rival's turn start), so it keeps the card; easy, which
      // scores a play as soon as it resolves but an ended turn after the rival's draw, plays it.
      const endTurn = { type: 'endTurn', payload: {} };
      for (const seed of ['steal', 'purse', 'coin'])
        expect(cpuMove(tithe, match(0).state, 'hard', createRng(seed)), seed).toEqual([0, endTurn]);
      expect(cpuMove(tithe, match(0).state, 'easy', createRng('steal'))).toEqual([0, play]);
    } finally {
      tithe.dispose();
    }
  });
});

describe('the CPU near a "most life wins" turn limit (The Counting House: 40 turns)', () => {
  it('weighs a life lead more as the limit nears, and not under a drawn limit', async () => {
    const tithe = await titheGame();
    try {
      const content = contentOfGame(tithe);
      const drawn = {
        ...content,
        ruleset: { ...content.ruleset, turnLimit: { turns: 40, result: 'draw' } },
      } as Content;
      /** The score for seat 0 at turn `turn` with this life on each side. */
      const score = (turn: number, mine: number, theirs: number, rules = content) =>
        evaluate(
          buildState(rules, {
            name: 'limit',
            setup: { turn, players: [{ life: mine }, { life: theirs }] },
            steps: [],
          }),
          rules,
          0,
        );
      // The same lead is worth more on the last turn than at the start, and more still than
      // a turn or three before it; a deficit costs as much.
      expect(score(40, 10, 8) - score(3, 10, 8)).toBeGreaterThan(30);
      expect(score(40, 10, 8)).toBeGreaterThan(score(37, 10, 8));
      expect(score(37, 10, 8)).toBeGreaterThan(score(3, 10, 8));
      expect(score(40, 8, 10) - score(3, 8, 10)).toBeCloseTo(score(3, 10, 8) - score(40, 10, 8));
      // At the last turn one point of lead is worth most of a clear lead: it wins as well.
      expect(score(40, 9, 8) - score(40, 9, 9)).toBeGreaterThan(20);
      // Level life, or a limit that ends in a draw: time changes nothing.
      expect(score(40, 9, 9)).toBe(score(3, 9, 9));
      expect(score(40, 10, 8, drawn)).toBe(score(3, 10, 8, drawn));
    } finally {
      tithe.dispose();
    }
  });
});

/** A Salt Road position with this many cards on each player's road. */
const onTheRoad = (content: Content, mine: number, theirs: number) =>
  buildState(content, {
    name: 'race',
    setup: {
      players: [
        { zones: { road: Array<string>(mine).fill('saltroad/raid') } },
        { zones: { road: Array<string>(theirs).fill('saltroad/raid') } },
      ],
    },
    steps: [],
  });

/** The content with this win rule as its only one. */
const withWin = (content: Content, check: unknown) =>
  ({
    ...content,
    ruleset: { ...content.ruleset, win: [{ check, result: 'win' }] },
  }) as Content;

describe('the CPU in a race (The Salt Road: seven cards on your road win)', () => {
  it("scores the way along a counted win rule, its own and its opponent's", async () => {
    const saltroad = await saltroadGame();
    const content = saltroad.registry.list()[0]!;
    const score = (mine: number, theirs: number) =>
      evaluate(onTheRoad(content, mine, theirs), content, 0);
    expect(score(3, 0)).toBeGreaterThan(score(0, 0));
    expect(score(6, 0)).toBeGreaterThan(score(3, 0));
    expect(score(0, 6)).toBeLessThan(score(0, 0));
  });
});

describe("the CPU in a mill duel (The Hourglass Archive: the rival's empty library wins)", () => {
  it('scores the way to a win rule that compares a deck size, and other shapes of a win rule', async () => {
    const hourglass = await hourglassGame();
    const content = hourglass.registry.list()[0]!;
    const at = (mine: number, theirs: number, rules = content) =>
      buildState(rules, {
        name: 'mill',
        setup: {
          players: [
            { deck: Array<string>(mine).fill('hourglass/forget') },
            { deck: Array<string>(theirs).fill('hourglass/forget') },
          ],
        },
        steps: [],
      });
    const score = (mine: number, theirs: number) => evaluate(at(mine, theirs), content, 0);
    // {cmp: [{deckSize: "$opponent"}, "<=", 0]}: a thinner rival library is worth more, the
    // last pages most; its own thinning library is the rival's way to win.
    expect(score(20, 10)).toBeGreaterThan(score(20, 20));
    expect(score(20, 2)).toBeGreaterThan(score(20, 10));
    expect(score(20, 2) - score(20, 10)).toBeGreaterThan(score(20, 10) - score(20, 18));
    expect(score(10, 20)).toBeLessThan(score(20, 20));
    // Measured from the deck a player starts with (24 cards) to the goal, squared.
    expect(raceProgress(at(20, 12), content, 0)).toBeCloseTo(20 * 0.5 * 0.5);
    expect(raceProgress(at(20, 30), content, 0)).toBe(0);

    // The same rule written other ways: goal first, a count of the zone, strictly below 1,
    // and within `all` (the mean of its parts) or `any` (the best of them).
    const progress = (check: unknown) => raceProgress(at(20, 12), withWin(content, check), 0);
    const half = 20 * 0.5 * 0.5;
    expect(progress({ cmp: [0, '>=', { deckSize: '$opponent' }] })).toBeCloseTo(half);
    expect(progress({ count: 'card & enemy & @deck', op: '<=', value: 0 })).toBeCloseTo(half);
    expect(progress({ cmp: [{ zoneSize: ['$opponent', 'deck'] }, '<', 1] })).toBeCloseTo(half);
    const empty = { cmp: [{ deckSize: '$opponent' }, '<=', 0] };
    const full = { cmp: [{ deckSize: '$controller' }, '>=', 80] };
    expect(progress({ all: [empty, full] })).toBeCloseTo(20 * 0.375 * 0.375);
    expect(progress({ any: [empty, full] })).toBeCloseTo(half);
    // Equal to a goal: falling to it from above (12 of 24 left), rising to it from below.
    expect(progress({ cmp: [{ deckSize: '$opponent' }, '=', 0] })).toBeCloseTo(half);
    expect(progress({ cmp: [{ deckSize: '$opponent' }, '=', 24] })).toBeCloseTo(half);
    expect(progress({ cmp: [{ deckSize: '$opponent' }, '=', 12] })).toBe(20);
    // `not`: the rule turned round, then measured (not more than 0 left is at most 0 left; no
    // card left is fewer than 1; not all is any part failing).
    expect(progress({ not: { cmp: [{ deckSize: '$opponent' }, '>', 0] } })).toBeCloseTo(half);
    expect(progress({ not: { exists: 'card & enemy & @deck' } })).toBeCloseTo(half);
    expect(progress({ not: { not: empty } })).toBeCloseTo(half);
    expect(
      progress({ not: { all: [{ cmp: [{ deckSize: '$opponent' }, '>', 0] }, { not: full }] } }),
    ).toBeCloseTo(half);
    // A turn's history, this turn's counter rising to the goal.
    const died = at(20, 12);
    died.history.unitsDiedThisTurn[1] = 1;
    const history = { history: 'unitsDiedThisTurn', whose: 'enemy', op: '>=', value: 2 };
    expect(raceProgress(died, withWin(content, history), 0)).toBeCloseTo(half);
    expect(raceProgress(at(20, 12), withWin(content, history), 0)).toBe(0);
    // Time cannot be hastened: alone it is not scored, beside a measure it is left out ("from
    // turn 30, the thinner rival library wins" scores the library).
    const late = { cmp: [{ turnNumber: true }, '>=', { add: [20, 10] }] };
    expect(progress(late)).toBe(0);
    expect(progress({ turn: 'friendly' })).toBe(0);
    expect(progress({ all: [late, { turn: 'friendly' }, empty] })).toBeCloseTo(half);
    expect(progress({ any: [{ not: late }, empty] })).toBeCloseTo(half);
    // What has no way to measure is not scored.
    expect(progress({ cmp: [{ deckSize: '$opponent' }, '!=', 0] })).toBe(0);
  });
});

describe('the CPU toward win rules written with = and not (The Salt Road, reworded)', () => {
  it('scores the way along them as along the counted rule they mean', async () => {
    const saltroad = await saltroadGame();
    const content = saltroad.registry.list()[0]!;
    const road = 'card & friendly & @road';
    const score = (check: unknown) => (mine: number, theirs: number) =>
      evaluate(onTheRoad(content, mine, theirs), withWin(content, check), 0);
    const counted = score({ count: road, op: '>=', value: 7 });
    for (const reworded of [
      score({ count: road, op: '=', value: 7 }),
      score({ not: { count: road, op: '<', value: 7 } }),
    ]) {
      expect(reworded(3, 0)).toBeGreaterThan(reworded(0, 0));
      expect(reworded(6, 0)).toBeGreaterThan(reworded(3, 0));
      expect(reworded(0, 6)).toBeLessThan(reworded(0, 0));
      expect(reworded(5, 2)).toBeCloseTo(counted(5, 2));
    }
  });
});
