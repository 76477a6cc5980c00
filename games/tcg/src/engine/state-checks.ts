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
    const active = r.state.active;
    const dying = doomedOn(r, opponentOf(active), doomedOn(r, active, null));
    if (dying === null) break;
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

/** `dying` (made on the first one found) with the doomed units (marked, or out of health) of `seat`'s board. */
function doomedOn(r: Runner, seat: Seat, dying: string[] | null): string[] | null {
  const { state, content } = r;
  for (const handle of state.players[seat]!.zones.board ?? [])
    if (state.cards[handle]!.doomed || healthGone(state, content, handle))
      (dying ??= []).push(handle);
  return dying;
}

/**
 * Who won or lost. Runs after every step that changed the state, and almost always finds
 * nobody: its sets and maps are made only once someone has won or lost (they were 7% of what a
 * demo batch allocated).
 */
function checkWinners(r: Runner): void {
  if (r.state.status !== 'playing' && r.state.status !== 'mulligan') return;
  let losers: Set<Seat> | null = null;
  let winners: Set<Seat> | null = null;
  /** Battler checks name the end reason (`noPrizesLeft`, `noCreatureInPlay`). */
  let named: Map<Seat, string> | null = null;
  /** A creator's win rule with words of its own says them. */
  let said: Map<Seat, string> | null = null;
  for (const player of r.state.players) if (player.lost) (losers ??= new Set()).add(player.seat);
  for (const rule of r.content.ruleset.win)
    for (const player of r.state.players) {
      const holds =
        typeof rule.check === 'string'
          ? namedCheckHolds(r, player.seat, rule.check)
          : conditionHolds(r.ctx(player.seat, null), rule.check);
      if (!holds) continue;
      if (rule.result === 'win') (winners ??= new Set()).add(player.seat);
      else (losers ??= new Set()).add(player.seat);
      if (typeof rule.check === 'string' && rule.check !== 'lifeAtOrBelowZero')
        (named ??= new Map()).set(player.seat, rule.check);
      if (rule.text !== undefined && !said?.has(player.seat))
        (said ??= new Map()).set(player.seat, rule.text);
    }
  if (winners === null && losers === null) return;
  ended(r, winners ?? new Set(), losers ?? new Set(), named ?? new Map(), said ?? new Map());
}

/** Someone won or lost: the losers' `playerLost` events, then the game's end. */
function ended(
  r: Runner,
  winners: ReadonlySet<Seat>,
  losers: ReadonlySet<Seat>,
  named: ReadonlyMap<Seat, string>,
  said: ReadonlyMap<Seat, string>,
): void {
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
