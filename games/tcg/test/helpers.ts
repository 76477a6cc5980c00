import {
  applyAction,
  createRng,
  startMatch,
  type MatchState,
  type Rng,
  type Seat,
} from '@cardtable/engine';
import { demoContent, spiritboundContent } from '../content/demo/index.ts';
import {
  ContentRegistry,
  createTcgGame,
  tcgCpu,
  tcgGameFor,
  validateContentPackage,
  type Content,
  type TcgAction,
  type TcgGame,
} from '../src/index.ts';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';
import { demoScripts } from './lua-host.ts';
import { readPackage } from './package-files.ts';
import { join } from 'node:path';
import type { Resolution } from '@cardtable/engine';
import type { TcgEvent } from '../src/engine/events.ts';

export async function demoGame(): Promise<TcgGame> {
  const scripts = await demoScripts();
  return createTcgGame({
    registry: new ContentRegistry([demoContent()]),
    scriptsFor: () => scripts,
  });
}

/** The monster-battler demo set, Spiritbound (no Lua). */
export function spiritboundGame(): TcgGame {
  return createTcgGame({
    registry: new ContentRegistry([spiritboundContent()]),
    cpu: tcgCpu,
  });
}

/**
 * "Lanternfall", a game written from the public docs alone (test/packages/lanternfall): a
 * zone of its own that spells go to and a win rule counts, two main phases, blocking, apnap,
 * custom keywords, a static, tokens, 30- and 40-card decks, six Lua modules, unicode names.
 */
export const lanternfallGame = () => packageGame('lanternfall');

/**
 * "Hollowmere", a second game written from the docs alone (test/packages/hollowmere): its own
 * words (thralls, totems, rites, wardens, embers), two named main phases ("muster", "clash"),
 * activated abilities (data with a cost and target, Lua with exhaust), Lua that picks its own
 * target, Lua inside a `choose` and an `if`, tokens, blocking, a totem win, 16-card decks.
 */
export const hollowmereGame = () => packageGame('hollowmere');

/**
 * "The Salt Road", a third game from the docs alone (test/packages/saltroad), a race: a caravan
 * wins with seven cards on its road (a zone of its own, counted by the win rule); riders
 * put deck cards there (a custom keyword's activated ability, `wayfarer`, and a card's own with
 * a cost), bandits knock them off; a keyword with a triggered ability (`toll`), Lua that reads
 * zone counts, words of its own (riders, schemes, caravans, provisions, coin).
 */
export const saltroadGame = () => packageGame('saltroad');

/**
 * "The Bone Orchard", a fourth game from the docs alone (test/packages/orchard), a duel of
 * necromancers: hand disruption (a discard the victim picks, one at random, a hand revealed and
 * a card taken from it, a card of it revealed), a choice the opponent makes, tokens left by a
 * "when this dies" keyword, permanent +1/+1 growth, an aura (a static), Lua that reads a zone's
 * size and Lua that picks its own victim; its words (shades, hexes, necromancers, vigor, dust).
 */
export const orchardGame = () => packageGame('orchard');

/**
 * "The Hourglass Archive", a fifth game from the docs alone (test/packages/hourglass), a duel of
 * time and memory: a responses stack with instants (a counter, a bounce), cards that change
 * zones every way (back to hand, into the deck at random, into an `oblivion` zone, a discard
 * shuffled back), a win by milling the rival's library (`deckSize`) beside an empty deck that
 * loses, sand that carries over (`carryOver`), a keyword that bounces its unit each turn and one
 * that leaves a token, a choice the opponent makes, Lua with conditions and a chosen target.
 */
export const hourglassGame = () => packageGame('hourglass');

/**
 * "The Counting House", a sixth game from the docs alone (test/packages/tithe), a duel of
 * bankers that steal each other's coin: a second win by hoarding twenty coin (`{resource}`
 * against a goal, so carried-over coin matters), coin taken from the rival (`steal`, in data
 * and in Lua), all six builtin keywords under its own names, two custom keywords (a turn-start
 * dividend, a theft whenever the unit attacks), blocking, a static, a token left on death, a
 * `choose` with a Lua option and one with `chooseTargets`, Lua reading a spell's chosen target.
 */
export const titheGame = () => packageGame('tithe');

/**
 * A game of one package of test/packages, validated as an upload is, built as production builds
 * it (`tcgGameFor`): its Lua on the ability sandbox, whose VM `dispose` frees.
 */
async function packageGame(name: string): Promise<TcgGame & { dispose(): void }> {
  const checked = await validateContentPackage(
    readPackage(join(import.meta.dirname, 'packages', name)),
  );
  if (!checked.content) throw new Error(JSON.stringify(checked.errors));
  return tcgGameFor(checked.content);
}

/** The content a game of one package plays (the demo's, for `demoGame`). */
export const contentOf = (game: TcgGame): Content => game.registry.list()[0]!;

/** The first two decks of the game's content (A and B in the demo). */
const firstDecks = (game: TcgGame): [string, string] => {
  const { decks } = contentOf(game);
  return [decks[0]!.id, (decks[1] ?? decks[0]!).id];
};

export function newMatch(game: TcgGame, seed: string, decks: [string, string] = firstDecks(game)) {
  const { id } = contentOf(game).ruleset;
  const options = game.parseOptions(id === 'demo' ? { decks } : { ruleset: id, decks }, 2);
  if (!options.ok) throw new Error(options.error.message);
  return startMatch(game, {
    options: options.value,
    seats: [{ kind: 'human' }, { kind: 'human' }],
    seed,
  });
}

/** A random legal action, leaning towards doing something rather than ending the turn. */
export function randomAction(game: TcgGame, state: TcgState, seat: Seat, rng: Rng): TcgAction {
  const legal = game.legalActions(state, seat);
  if (rng.float() < 0.01) return { type: 'timeout', payload: {} };
  const busy = legal.filter((a) => a.type !== 'endTurn');
  return busy.length && rng.float() < 0.8
    ? busy[rng.int(0, busy.length - 1)]!
    : legal[rng.int(0, legal.length - 1)]!;
}

type Step = { seat: Seat; before: TcgState; resolution: Resolution<TcgState, TcgAction, TcgEvent> };

/** Plays a random match to its end, calling `each` after every resolution. */
export function playRandomly(
  game: TcgGame,
  seed: string,
  each?: (step: Step) => void,
  maxActions = 3000,
) {
  const started = newMatch(game, seed);
  let match: MatchState<TcgState, TcgOptions> = started.match;
  each?.({ seat: 0, before: game.initialState(match.config), resolution: started.resolution });
  const rng = createRng(`random-play:${seed}`);
  const resolutions = [started.resolution];
  for (let n = 0; n < maxActions && !game.outcome(match.state); n++) {
    const seat = game.activeSeats(match.state)[0]!;
    const action = randomAction(game, match.state, seat, rng);
    const applied = applyAction(game, match, seat, action, `a${n}`);
    if (!applied.ok)
      throw new Error(
        `A legal action was refused: ${JSON.stringify(action)}: ${applied.error.message}`,
      );
    each?.({ seat, before: match.state, resolution: applied.value.resolution });
    resolutions.push(applied.value.resolution);
    match = applied.value.match;
  }
  return { match, resolutions };
}
