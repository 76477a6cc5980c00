import type { Seat } from '@cardtable/engine';
import type { GolfView } from '@cardtable/golf';
import { isHidden } from '@cardtable/golf';
import { cardName } from '../cards/describe.ts';
import type { Controls } from './controls.ts';

/**
 * Where the table is shown: a match being played, a live match that is over (though play may
 * have stopped mid-hole, at a resignation: nobody is playing now), or a finished match's replay.
 */
export type TableMoment = 'live' | 'over' | 'replay';

/**
 * The one line that tells the viewer what is happening and, on their turn, what they can do.
 * Built from the view and the legal controls, never from rules of its own.
 */
export function promptFor(
  view: GolfView,
  me: Seat | null,
  controls: Controls,
  name: (seat: Seat) => string,
  moment: TableMoment = 'live',
): string {
  if (moment === 'over') return 'The game is over.';
  const phase = view.phase;
  switch (phase.kind) {
    case 'waiting':
      // The table shows only once every seat is taken (the lobby fills it), so before the
      // first hole (a replay's first position, the moment after the start) the deal is next.
      // Between holes the phase is 'waiting' too, for a moment. A replay deals nothing until
      // the viewer steps on, and its bar already says the table is before the deal.
      if (view.round === 0) return moment === 'replay' ? '' : 'Dealing the first hole…';
      if (view.round >= view.options.rounds) return 'The last hole is over.';
      return moment === 'replay'
        ? `Hole ${view.round} is over.`
        : `Hole ${view.round} is over. Dealing the next hole…`;
    case 'gameOver':
      return 'The game is over.';
    case 'initialFlip': {
      if (controls.initialFlip) {
        const n = controls.initialFlip.count;
        return `Choose ${n === 1 ? 'a card' : `${n} cards`} to turn face up.`;
      }
      const waiting = phase.pending.filter((seat) => seat !== me).map(name);
      return waiting.length > 0
        ? `Waiting for ${waiting.join(', ')} to turn up their cards.`
        : 'Turning up cards…';
    }
    case 'turn': {
      if (phase.seat !== me) {
        const step = phase.step;
        const who = name(phase.seat);
        if (step.kind === 'holding') {
          const card = isHidden(step.card) ? 'a card' : `the ${cardName(step.card)}`;
          return `${who} holds ${card}.`;
        }
        if (step.kind === 'awaitingFlip') return `${who} may flip a card.`;
        return `${who} is playing.`;
      }
      return myTurnPrompt(view, controls);
    }
  }
}

function myTurnPrompt(view: GolfView, controls: Controls): string {
  const phase = view.phase;
  if (phase.kind !== 'turn') return '';
  const step = phase.step;
  const buttons = new Set(controls.buttons.map((action) => action.type));
  const canFlip = controls.slots.some((action) => action?.type === 'flip');
  switch (step.kind) {
    case 'awaitingDraw': {
      const choices = ['draw from the deck'];
      if (controls.discardPile && view.discardTop) {
        choices.push(`take the ${cardName(view.discardTop)}`);
      }
      if (canFlip) choices.push('flip one of your cards');
      if (buttons.has('knock')) choices.push('knock');
      return `Your turn: ${joinChoices(choices)}.`;
    }
    case 'holding': {
      const card = isHidden(step.card) ? 'the card' : `the ${cardName(step.card)}`;
      if (step.source === 'discard') {
        return `Swap ${card} into your grid${buttons.has('returnDiscard') ? ', or put it back' : ''}.`;
      }
      return `Swap ${card} into your grid, or discard it.`;
    }
    case 'awaitingFlip':
      return step.optional
        ? 'You may flip one of your face-down cards, or skip.'
        : 'Flip one of your face-down cards.';
  }
}

const joinChoices = (choices: string[]) =>
  choices.length <= 1
    ? (choices[0] ?? '')
    : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
