import { fail, ok, type DecideContext, type Game, type Result, type Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { ContentRegistry } from '../content/registry.ts';
import { parseAction, type TcgAction } from './actions.ts';
import { decide } from './decide.ts';
import type { TcgEvent } from './events.ts';
import { tcgFold, type TcgFold } from './fold.ts';
import { activeSeats, legalActions } from './legal.ts';
import { parseTcgOptions, type TcgOptions } from './options.ts';
import { projectEvent, requiresAck } from './project.ts';
import type { ScriptHost } from './scripts.ts';
import { startEvents } from './setup.ts';
import type { TcgState } from './state.ts';
import type { TcgView } from './view.ts';
import type { CpuPlayers } from '@cardtable/engine';
import { containsLua } from '../content/check-abilities.ts';
import { autoPass, STOP_KINDS } from './auto-pass.ts';

export type TcgGame = Game<TcgState, TcgAction, TcgEvent, TcgOptions, TcgView> &
  Pick<TcgFold, 'registry' | 'contentOf'> & {
    /** The Lua host a content's abilities run on (null: content with Lua is refused). */
    scriptsFor: ScriptHostFor;
  };

/**
 * Which Lua host runs a content's abilities: each content its own modules' (the versions of one
 * set may differ in Lua, and a match replays with its own version's), or null for none.
 */
export type ScriptHostFor = (content: Content) => ScriptHost | null;

export interface TcgGameSetup {
  /** The name matches record (default `tcg`): a built-in set hosted as its own game has its own. */
  name?: string;
  registry: ContentRegistry;
  /** Runs Lua abilities; content with Lua cards is refused without a host. */
  scriptsFor?: ScriptHostFor;
  cpu?: (game: TcgGame) => CpuPlayers<TcgView, TcgAction>;
}

/**
 * The engine version of the TCG rules interpreter (each ruleset carries its own version).
 * 1.1.0: Lua failures are `scriptFailed` events (were `stepFizzled`); scripts summon `#token`s.
 * 1.2.0: activated abilities (`activate`, `abilityActivated`); a played spell's `cardPlayed`
 * keeps the targets chosen (names its effects bind later, a Lua script's objects, no longer
 * join them after the event was emitted).
 */
export const TCG_RULES_VERSION = '1.2.0';

/** Every card game of this format is played head to head. */
export const TCG_SEATS = { min: 2, max: 2 } as const;

export function createTcgGame(setup: TcgGameSetup): TcgGame {
  const { registry } = setup;
  const scriptsFor: ScriptHostFor = setup.scriptsFor ?? (() => null);
  const fold = tcgFold(registry);
  const { contentOf } = fold;
  // Each match decides with its own version's content and that content's Lua.
  const decideIn = (state: TcgState, seat: Seat, action: TcgAction, ctx: DecideContext) => {
    const content = contentOf(state);
    return decide(state, content, scriptsFor(content), seat, action, ctx);
  };
  const game: TcgGame = {
    name: setup.name ?? 'tcg',
    version: TCG_RULES_VERSION,
    seats: TCG_SEATS,
    registry,
    scriptsFor,
    contentOf,
    parseOptions(raw, seatCount): Result<TcgOptions> {
      const parsed = parseTcgOptions(registry, raw, seatCount);
      if (!parsed.ok) return parsed;
      const content = registry.find(parsed.value.ruleset, parsed.value.version)!;
      if (!scriptsFor(content) && usesLua(content))
        return fail(
          'LUA_UNAVAILABLE',
          `Ruleset ${content.ruleset.id} has Lua abilities and this host has no Lua sandbox.`,
        );
      return ok(parsed.value);
    },
    parseAction,
    initialState: fold.initialState,
    start: (state, ctx) => {
      const decks = state.players.map((p) => deckOrder(p.decklist));
      const content = contentOf(state);
      return startEvents(state, content, decks, ctx, scriptsFor(content));
    },
    decide: (state, seat, action, ctx) => {
      const decided = decideIn(state, seat, action, ctx);
      return decided.ok ? ok(decided.value.events) : decided;
    },
    decideWithState: decideIn,
    evolve: fold.evolve,
    view: fold.view,
    projectEvent: (event, viewer, before) => projectEvent(event, viewer, before, contentOf(before)),
    legalActions: (state, seat) => legalActions(state, contentOf(state), seat),
    activeSeats,
    outcome: (state) => state.outcome,
    requiresAck,
    timeoutAction: (state, seat) =>
      activeSeats(state).includes(seat) ? { type: 'timeout', payload: {} } : null,
    // A timeout counts a strike against the seat: only the server's turn clock may play it.
    serverActions: ['timeout'],
    autoPlay: {
      stops: STOP_KINDS,
      action: (state, seat, stops) => autoPass(state, contentOf(state), seat, stops),
    },
  };
  if (setup.cpu) game.cpu = setup.cpu(game);
  return game;
}

/** A deck list back into one id per copy, in a fixed order (the start shuffles it). */
function deckOrder(decklist: Record<string, number>): string[] {
  return Object.keys(decklist)
    .sort()
    .flatMap((id) => Array.from({ length: decklist[id]! }, () => id));
}

const usesLua = (content: Content) =>
  [...content.cards.values()].some((card) =>
    (card.abilities ?? []).some(
      (a) => a.kind !== 'static' && (a.lua !== undefined || containsLua(a.effects ?? [])),
    ),
  );
