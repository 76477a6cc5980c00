import type { Seat } from '@cardtable/engine';
import { cardOf, keywordWithBuiltin, type Content } from '../content/content.ts';
import { statsOf } from '../engine/stats.ts';
import { opponentOf, type TcgState } from '../engine/state.ts';
import { knockOutThreats } from './battler-threats.ts';
import { battlerSide } from './evaluate-battler.ts';
import { raceProgress } from './evaluate-race.ts';

const WIN = 10_000;

/**
 * A static score of a position for `seat`: life, board, cards in hand, and a won or lost game.
 * With `foresight` a battler's score also weighs the next turn's knock-out threats.
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
    raceProgress(state, content, opponent)
  );
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
  return (
    life + board + handValue(state, content, player.zones.hand ?? []) + player.resource.max * 0.2
  );
}

/**
 * Cards in hand: each is worth a little more the more it costs, so that a discard the CPU
 * picks itself (a hex's "discard 2 cards") throws away its one-drops, not the six-drop its
 * short playouts never get to cast. Small beside a unit on the board, so it does not hold
 * back expensive plays.
 */
function handValue(state: TcgState, content: Content, hand: readonly string[]): number {
  let value = 0;
  for (const handle of hand)
    value += 0.9 + 0.1 * Math.min(cardOf(content, state.cards[handle]!.defId).cost, 10);
  return value;
}
