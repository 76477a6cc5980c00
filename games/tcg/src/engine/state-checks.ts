import type { Outcome, Seat } from '@cardtable/engine';
import { cardOf } from '../content/content.ts';
import { conditionHolds } from './conditions.ts';
import type { Runner } from './runner.ts';
import { healthGone } from './stats.ts';
import { opponentOf } from './state.ts';
import { raise } from './triggers.ts';
import { detachAll } from './zones.ts';
import { schedulePromotions, takePrizes } from './battler/between-turns.ts';

/**
 * State-based checks, run between frames (never inside one): every doomed unit (health at or
 * below zero, or marked for destruction) dies at once, repeated until nothing changes; then
 * players who lost are found and the game ends. A state the checks already found nothing to do
 * in (no event since: a step that emitted nothing) is not checked again: they read the state
 * only (and the promotions already queued, which only they queue), so they would find nothing.
 */
export function settle(r: Runner): void {
  if (r.settled === r.state) return;
  const checked = r.state;
  for (let pass = 0; pass < 32; pass++) {
    const dying: string[] = [];
    for (const seat of [r.state.active, opponentOf(r.state.active)])
      for (const handle of r.state.players[seat]!.zones.board ?? []) {
        const card = r.state.cards[handle]!;
        if (card.doomed || healthGone(r.state, r.content, handle)) dying.push(handle);
      }
    if (dying.length === 0) break;
    for (const handle of dying)
      raise(r, { on: 'died', subject: handle, player: r.state.cards[handle]!.controller });
    for (const handle of dying) {
      const card = r.state.cards[handle]!;
      detachAll(r, handle);
      const { defId, controller } = card;
      r.emit({
        type: 'unitDied',
        data: {
          card: handle,
          handle: r.newHandle(),
          defId: card.defId,
          player: card.controller,
          owner: card.owner,
          token: cardOf(r.content, card.defId).token,
        },
      });
      if (r.content.ruleset.battler) takePrizes(r, defId, controller);
    }
  }
  checkWinners(r);
  if (r.content.ruleset.battler) schedulePromotions(r);
  if (r.state === checked) r.settled = checked;
}

function checkWinners(r: Runner): void {
  if (r.state.status !== 'playing' && r.state.status !== 'mulligan') return;
  const losers = new Set<Seat>();
  const winners = new Set<Seat>();
  /** Battler checks name the end reason (`noPrizesLeft`, `noCreatureInPlay`). */
  const named = new Map<Seat, string>();
  /** A creator's win rule with words of its own says them. */
  const said = new Map<Seat, string>();
  for (const player of r.state.players) if (player.lost) losers.add(player.seat);
  for (const rule of r.content.ruleset.win)
    for (const player of r.state.players) {
      const holds =
        typeof rule.check === 'string'
          ? namedCheckHolds(r, player.seat, rule.check)
          : conditionHolds(r.ctx(player.seat, null), rule.check);
      if (holds) (rule.result === 'win' ? winners : losers).add(player.seat);
      if (holds && typeof rule.check === 'string' && rule.check !== 'lifeAtOrBelowZero')
        named.set(player.seat, rule.check);
      if (holds && rule.text !== undefined && !said.has(player.seat))
        said.set(player.seat, rule.text);
    }
  if (winners.size === 0 && losers.size === 0) return;
  for (const seat of losers)
    if (!r.state.players[seat]!.lost) {
      const text = said.get(seat);
      r.emit({
        type: 'playerLost',
        data: {
          player: seat,
          reason: named.get(seat) ?? reasonOf(r, seat),
          ...(text === undefined ? {} : { text }),
        },
      });
    }
  const winning = winners.size > 0 ? [...winners] : [0, 1].filter((seat) => !losers.has(seat));
  const decisive = winners.size > 0 ? [...winners][0]! : [...losers][0]!;
  endGame(
    r,
    winning.length === 0 ? [0, 1] : winning,
    named.get(decisive) ?? (winners.size > 0 ? 'winCondition' : reasonOf(r, [...losers][0]!)),
    said.get(decisive),
  );
}

/** The win checks named by a string: life, and the battler's prizes and creatures in play. */
function namedCheckHolds(r: Runner, seat: Seat, check: string): boolean {
  const player = r.state.players[seat]!;
  if (check === 'lifeAtOrBelowZero') return player.life <= 0;
  const rules = r.content.ruleset.battler;
  if (!rules || r.state.status !== 'playing') return false;
  if (check === 'noPrizesLeft') return (player.zones[rules.prizeZone]?.length ?? 0) === 0;
  return (player.zones.board?.length ?? 0) === 0;
}

function reasonOf(r: Runner, seat: Seat): string {
  const player = r.state.players[seat]!;
  return player.lost ?? (player.life <= 0 ? 'lifeZero' : 'winCondition');
}

export function endGame(r: Runner, winners: Seat[], reason: string, reasonText?: string): void {
  const tie = winners.length > 1;
  const outcome: Outcome = {
    winners: [...winners].sort(),
    tie,
    standings: [0, 1].map((seat) => ({
      seat,
      place: winners.includes(seat) ? 1 : 2,
      score: r.state.players[seat]!.life,
    })),
    reason,
    ...(reasonText === undefined ? {} : { reasonText }),
  };
  r.emit({ type: 'gameEnded', data: { outcome } });
}

/** A command that ran away (a trigger loop) ends the game in a draw. */
export function endInDraw(r: Runner, reason: string): void {
  endGame(r, [0, 1], reason);
}
