import type { Outcome, Seat } from '@cardtable/engine';
import type { ScriptFailure, TcgEvent } from '../engine/events.ts';
import { heroSeat } from '../engine/state.ts';
import { capital, lifeReachedZero } from '../content/words.ts';

/** What the log needs to name things: seats, card definitions, and objects by id. */
export interface LogNames {
  /** The viewer's seat (they are "you"), or null for a spectator. */
  me: Seat | null;
  seat(seat: Seat): string;
  /** A card definition's name ("a card" when unknown). */
  card(defId: string | null | undefined): string;
  /** A card handle or `hero:<seat>` as the viewer sees it now ("a card" when hidden). */
  object(id: string): string;
  /** The ruleset's word for a hero's life (`view.glossary.life`); "life" when not given. */
  life?: string;
  /**
   * What a unit's activated ability is called, when it has a name: its keyword's for a custom
   * keyword's ability ("Wayfarer"; `activationShown`), null for the card's own.
   */
  ability?(source: string, abilityId: string): string | null;
}

/** "You" or "Dana", with the verb agreeing: `subject(names, 0, 'draw', 'draws')`. */
function subject(names: LogNames, seat: Seat, you: string, they: string): string {
  return seat === names.me ? `You ${you}` : `${names.seat(seat)} ${they}`;
}

const possessive = (names: LogNames, seat: Seat) =>
  seat === names.me ? 'your' : `${names.seat(seat)}'s`;

/** A hero is its player ("you", "Dana"); anything else is what the viewer sees of it. */
function objectWords(names: LogNames, id: string): string {
  const seat = heroSeat(id);
  if (seat === null) return names.object(id);
  return seat === names.me ? 'you' : names.seat(seat);
}

/** A loss by a rule of the ruleset without words of its own (`text`), or by no known reason. */
const RULE_LOSS = 'a losing condition was met';

const LOSS_WORDS: Record<string, string> = {
  conceded: 'conceded',
  timeouts: 'out of time too often',
  winCondition: RULE_LOSS,
  noPrizesLeft: 'the opponent took their last prize',
  noCreatureInPlay: 'no creature left in play',
};

/**
 * Why a player lost, in words, said of the loser's own things (`whose`: "your", "their"):
 * "your focus reached 0" in the ruleset's word for life, "their deck ran out".
 */
const lossWords = (reason: string, whose: string, names: Pick<LogNames, 'life'>) =>
  reason === 'lifeZero'
    ? lifeReachedZero(whose, names)
    : reason === 'deckOut'
      ? `${whose} deck ran out`
      : (LOSS_WORDS[reason] ?? RULE_LOSS);

/**
 * A card an effect moved from one zone to another (the top of a deck milled into a discard, a
 * discard shuffled back, a unit sent into a deck or a zone of the ruleset's own), when the
 * viewer knows which card it is: "Rewind goes from Dana's deck to Dana's oblivion." Zones are
 * named by their ids, as rules text names them. A card into a hand stays unsaid (its owner's
 * draw-like secret, unless it came from the board: "returns to").
 */
function movedByEffect(
  data: Extract<TcgEvent, { type: 'cardMoved' }>['data'],
  n: LogNames,
): string | null {
  const { from, to, defId, reason } = data;
  if (reason !== 'effect' || !defId || to.zone === 'hand') return null;
  if (from.zone === to.zone && from.player === to.player) return null;
  return `${capital(n.card(defId))} goes from ${possessive(n, from.player)} ${from.zone} to ${possessive(n, to.player)} ${to.zone}.`;
}

/** "you" at the start of a sentence: "You". */

/**
 * One event as a line of the game log, in words, from the event as this viewer received it
 * (projected: a hidden card stays "a card"); null for steps that say nothing to a player.
 */
export function logLine(event: TcgEvent, names: LogNames): string | null {
  const n = names;
  switch (event.type) {
    case 'matchStarted':
      return `The match begins: ${subject(n, event.data.firstPlayer, 'go', 'goes')} first.`;
    case 'mulliganDone':
      return event.data.replaced
        ? `${subject(n, event.data.player, 'replace', 'replaces')} ${event.data.replaced} card${event.data.replaced === 1 ? '' : 's'}.`
        : `${subject(n, event.data.player, 'keep', 'keeps')} the opening hand.`;
    case 'turnStarted':
      return `Turn ${event.data.turn}: ${event.data.player === n.me ? 'your' : `${n.seat(event.data.player)}'s`} turn.`;
    case 'cardDrawn':
      return `${subject(n, event.data.player, 'draw', 'draws')} ${event.data.defId ? n.card(event.data.defId) : 'a card'}.`;
    case 'cardPlayed': {
      const targets = Object.values(event.data.targets).flat();
      const aimed = targets.length
        ? `, targeting ${targets.map((t) => objectWords(n, t)).join(' and ')}`
        : '';
      return `${subject(n, event.data.player, 'play', 'plays')} ${n.card(event.data.defId)}${aimed}.`;
    }
    case 'abilityActivated': {
      const targets = Object.values(event.data.targets).flat();
      const aimed = targets.length
        ? `, targeting ${targets.map((t) => objectWords(n, t)).join(' and ')}`
        : '';
      const what = n.ability?.(event.data.source, event.data.abilityId) ?? 'ability';
      return `${subject(n, event.data.player, 'use', 'uses')} ${n.card(event.data.defId)}'s ${what}${aimed}.`;
    }
    case 'energyAttached':
      return `${subject(n, event.data.player, 'attach', 'attaches')} ${n.card(event.data.defId)} to ${n.object(event.data.unit)}.`;
    case 'attackDeclared':
      return `${n.object(event.data.attacker)} attacks ${objectWords(n, event.data.target)}.`;
    case 'blockDeclared':
      return event.data.blocker
        ? `${n.object(event.data.blocker)} blocks ${n.object(event.data.attacker)}.`
        : `${n.object(event.data.attacker)} is not blocked.`;
    case 'damageDealt': {
      const source = event.data.source ? `${objectWords(n, event.data.source)} deals` : 'It deals';
      return `${source} ${event.data.amount} damage to ${objectWords(n, event.data.target)}.`;
    }
    case 'healed': {
      const hero = heroSeat(event.data.target);
      const what = hero === null ? 'health' : (n.life ?? 'life');
      return `${capital(objectWords(n, event.data.target))} ${hero !== null && hero === n.me ? 'gain' : 'gains'} ${event.data.amount} ${what}.`;
    }
    case 'shieldBroken':
      return `${objectWords(n, event.data.target)} loses its shield.`;
    case 'unitDied':
      return `${n.card(event.data.defId)} dies.`;
    case 'cardCreated':
      return `${n.card(event.data.defId)} appears for ${event.data.player === n.me ? 'you' : n.seat(event.data.player)}.`;
    case 'stackItemRemoved':
      return event.data.result === 'countered'
        ? 'A card on the stack is countered.'
        : event.data.result === 'fizzled'
          ? 'A card on the stack fizzles: its targets are gone.'
          : null;
    case 'cardMoved':
      if (event.data.reason === 'discard')
        return `${subject(n, event.data.from.player, 'discard', 'discards')} ${n.card(event.data.defId)}.`;
      if (event.data.to.zone === 'hand' && event.data.from.zone === 'board')
        return `${n.card(event.data.defId)} returns to ${possessive(n, event.data.to.player)} hand.`;
      return movedByEffect(event.data, n);
    case 'cardRevealed': {
      const cards = (event.data.cards ?? []).map((c) => n.card(c.defId));
      return `${subject(n, event.data.player, 'reveal', 'reveals')} ${cards.length ? cards.join(', ') : `${event.data.count} card${event.data.count === 1 ? '' : 's'}`}.`;
    }
    case 'fatigue':
      return `${subject(n, event.data.player, 'take', 'takes')} ${event.data.amount} fatigue damage (no cards left to draw).`;
    case 'timedOut':
      return `${subject(n, event.data.player, 'ran', 'ran')} out of time.`;
    case 'scriptFailed':
      return `${event.data.card ? n.card(event.data.card) : 'A card'}'s ability failed and did nothing.`;
    case 'playerLost':
      return `${subject(n, event.data.player, 'lose', 'loses')}: ${event.data.text ?? lossWords(event.data.reason, event.data.player === n.me ? 'your' : 'their', n)}.`;
    case 'gameEnded':
      return outcomeSentence(event.data.outcome, n);
    default:
      return null;
  }
}

/**
 * A failure as its creator reads it: where (`module.lua:3`), the code, and the sandbox's own
 * words (the detail players never see; creators' tools show it, as the server's log does).
 */
export function describeScriptFailure(failure: ScriptFailure): string {
  const where = `${failure.module}.lua${failure.line === null ? '' : `:${failure.line}`}`;
  return `${where}: ${failure.code}: ${failure.detail ?? failure.message}`;
}

/**
 * The result in words, for the viewer: "Dana wins: your life reached 0", "You win: Dana
 * conceded", "A draw: the turn limit was reached".
 */
export function outcomeSentence(
  outcome: Outcome,
  names: Pick<LogNames, 'me' | 'seat' | 'life'>,
): string {
  const why = outcomeReason(outcome, names);
  if (outcome.tie || outcome.winners.length !== 1) return `A draw${why ? `: ${why}` : ''}.`;
  const winner = outcome.winners[0]!;
  const head = winner === names.me ? 'You win' : `${names.seat(winner)} wins`;
  return `${head}${why ? `: ${why}` : ''}.`;
}

function outcomeReason(
  outcome: Outcome,
  names: Pick<LogNames, 'me' | 'seat' | 'life'>,
): string | null {
  const loser = outcome.standings.find((s) => !outcome.winners.includes(s.seat))?.seat;
  const whose = loser === undefined ? '' : loser === names.me ? 'your' : `${names.seat(loser)}'s`;
  const who = loser === undefined ? '' : loser === names.me ? 'you' : names.seat(loser);
  // A creator's win rule in its own words ends the match in them, whichever check it makes.
  if (outcome.reasonText !== undefined) return outcome.reasonText;
  switch (outcome.reason) {
    case 'lifeZero':
    case 'deckOut':
      return lossWords(outcome.reason, whose, names);
    case 'conceded':
    case 'surrender':
      return `${who} conceded`;
    case 'timeouts':
      return `${who} ran out of time too often`;
    case 'turnLimit':
      return 'the turn limit was reached';
    case 'loop':
      return 'an endless loop of effects';
    case 'winCondition':
      return 'a win condition was met';
    // The battler's named checks: the winner took its last prize, or the loser has no creature.
    case 'noPrizesLeft':
      return outcome.winners.length === 1
        ? `${outcome.winners[0] === names.me ? 'you' : names.seat(outcome.winners[0]!)} took the last prize`
        : 'the last prize was taken';
    case 'noCreatureInPlay':
      return `${who || 'a player'} ${loser === names.me ? 'have' : 'has'} no creature left in play`;
    case 'abandoned':
      return 'the match was abandoned';
    case 'expired':
      return 'the match expired';
    case 'closed':
      return 'the host closed the table';
    default:
      // An end reason without words yet says nothing rather than show its id to a player.
      return null;
  }
}
