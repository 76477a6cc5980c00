import type { Seat } from '@cardtable/engine';
import { cardOf, keywordWithBuiltin, type Content } from '../content/content.ts';
import { statsOf } from '../engine/stats.ts';
import { opponentOf, type TcgState } from '../engine/state.ts';
import { knockOutThreats } from './battler-threats.ts';
import { battlerSide } from './evaluate-battler.ts';
import { raceProgress } from './evaluate-race.ts';

const WIN = 10_000;

/**
 * A static score of a position for `seat`: life, board, cards in hand, the way along counted win
 * rules, a life lead as a "most life wins" turn limit nears, and a won or lost game. With
 * `foresight` a battler's score also weighs the next turn's knock-out threats.
 */
export function evaluate(state: TcgState, content: Content, seat: Seat, foresight = false): number {
  if (state.outcome) {
    if (state.outcome.tie) return 0;
    return state.outcome.winners.includes(seat) ? WIN : -WIN;
  }
  if (content.ruleset.battler)
    return (
      battlerSide(state, content, seat) -
      battlerSide(state, content, opponentOf(seat)) +
      (foresight ? knockOutThreats(state, content, seat) : 0)
    );
  const opponent = opponentOf(seat);
  return (
    side(state, content, seat) -
    side(state, content, opponent) +
    raceProgress(state, content, seat) -
    raceProgress(state, content, opponent) +
    lifeLeadAtLimit(state, content, seat)
  );
}

/** Over how many turns before a "most life wins" limit a life lead starts to count. */
const LIMIT_WINDOW = 6;
/** What a clear life lead is worth on the last turn: about two healthy heroes' life. */
const LIMIT_WEIGHT = 50;

/**
 * A life lead as a `mostLife` turn limit nears (antisymmetric: the opponent's lead counts as
 * much against). Life alone is scored as safety from a knock-out, which the limit does not care
 * about: there, one point ahead at the last turn's end wins. Smooth in the lead (a point ahead
 * is worth most of it; more is a margin against the last attacks), growing to the last turn.
 */
export function lifeLeadAtLimit(state: TcgState, content: Content, seat: Seat): number {
  const limit = content.ruleset.turnLimit;
  // The match ends as turn `limit.turns` ends: on it no turn is left.
  const left = limit.turns - state.turn;
  if (limit.result !== 'mostLife' || left >= LIMIT_WINDOW) return 0;
  const lead = state.players[seat]!.life - state.players[opponentOf(seat)]!.life;
  const nearness = (LIMIT_WINDOW - left) / LIMIT_WINDOW;
  return LIMIT_WEIGHT * nearness * nearness * Math.tanh(lead / 2);
}

function side(state: TcgState, content: Content, seat: Seat): number {
  const player = state.players[seat]!;
  const guard = keywordWithBuiltin(content, 'guard');
  let board = 0;
  for (const handle of player.zones.board ?? []) {
    const stats = statsOf(state, content, handle);
    if (stats.health <= 0) continue;
    const value = cardOf(content, state.cards[handle]!.defId).ai?.value ?? 1;
    board +=
      (stats.attack * 1.2 +
        stats.health * 0.8 +
        stats.keywords.size * 0.6 +
        (guard && stats.keywords.has(guard) ? 0.5 : 0)) *
      value;
  }
  // Life matters more as it runs out.
  const life = player.life > 0 ? Math.sqrt(player.life) * 6 : -50;
  return life + board + (player.zones.hand?.length ?? 0) * 0.9 + player.resource.max * 0.2;
}
