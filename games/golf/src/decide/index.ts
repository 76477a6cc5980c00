import { ok, type DecideContext, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import type { GolfAction, GolfEvent, GolfState, TurnStep } from '../types.ts';
import { drawDeck, returnDiscard, takeDiscard } from './draw.ts';
import { Emitter, type Play } from './emitter.ts';
import { flip, skipFlip } from './flip.ts';
import { discard, swap } from './holding.ts';
import { initialFlip } from './initial-flip.ts';
import { knock } from './knock.ts';
import { dealRound } from './round.ts';

/** Opens the match: deals the first hole. */
export function start(state: GolfState, ctx: DecideContext): GolfEvent[] {
  const emitter = new Emitter(state, ctx);
  dealRound(emitter, 1);
  return emitter.events;
}

export function decide(
  state: GolfState,
  seat: Seat,
  action: GolfAction,
  ctx: DecideContext,
): Result<GolfEvent[]> {
  const checked = checkAction(state, seat, action);
  if (!checked.ok) return checked;
  const emitter = new Emitter(state, ctx);
  checked.value(emitter);
  return ok(emitter.events);
}

/**
 * Checks an action against the phase and the turn step and, if it is legal, returns how to
 * play it. `legalActions` is this check applied to every candidate action, so the two agree.
 */
export function checkAction(state: GolfState, seat: Seat, action: GolfAction): Result<Play> {
  const { phase } = state;
  switch (phase.kind) {
    case 'waiting':
      return reject('ILLEGAL_ACTION', 'The cards have not been dealt yet.');
    case 'gameOver':
      return reject('MATCH_OVER', 'The match is over.');
    case 'initialFlip': {
      if (!phase.pending.includes(seat)) {
        return reject(
          'NOT_YOUR_TURN',
          'You have turned up your cards; play starts when everyone has.',
        );
      }
      if (action.type === 'initialFlip') return initialFlip(state, seat, action.payload.slots);
      return misfit(action, initialFlipHint(state));
    }
    case 'turn':
      if (seat !== phase.seat) return reject('NOT_YOUR_TURN', 'It is not your turn.', { seat });
      return checkTurnAction(state, seat, phase.step, action);
  }
}

function checkTurnAction(
  state: GolfState,
  seat: Seat,
  step: TurnStep,
  action: GolfAction,
): Result<Play> {
  switch (step.kind) {
    case 'awaitingDraw':
      switch (action.type) {
        case 'drawDeck':
          return drawDeck(seat);
        case 'takeDiscard':
          return takeDiscard(state, seat);
        case 'flip':
          if (state.options.flipAsAction)
            return flip(state, seat, action.payload.slot, 'flipAction');
          return misfit(action, AWAITING_DRAW_HINT);
        case 'knock':
          return knock(state, seat);
        default:
          return misfit(action, AWAITING_DRAW_HINT);
      }
    case 'holding': {
      const hint = step.source === 'deck' ? HOLDING_DECK_HINT : HOLDING_DISCARD_HINT;
      switch (action.type) {
        case 'swap':
          return swap(state, seat, step, action.payload.slot);
        case 'discard':
          return discard(seat, step);
        case 'returnDiscard':
          if (step.source === 'discard') return returnDiscard(seat, step.card);
          return misfit(action, `A card drawn from the deck cannot be put back. ${hint}`);
        default:
          return misfit(action, hint);
      }
    }
    case 'awaitingFlip':
      switch (action.type) {
        case 'flip':
          return flip(state, seat, action.payload.slot, 'afterDiscard');
        case 'skipFlip':
          return skipFlip(seat, step.optional);
        default:
          return misfit(action, step.optional ? OPTIONAL_FLIP_HINT : OWED_FLIP_HINT);
      }
  }
}

const AWAITING_DRAW_HINT = 'Start your turn: draw from the deck or take the top discard.';
const HOLDING_DECK_HINT = 'Swap the card you drew into one of your slots, or discard it.';
const HOLDING_DISCARD_HINT =
  'Swap the card you took into one of your slots, or put it back on the discard pile.';
const OWED_FLIP_HINT = 'Flip one of your face-down cards to finish your turn.';
const OPTIONAL_FLIP_HINT = 'Flip one of your face-down cards, or skip the flip.';
const initialFlipHint = (state: GolfState) =>
  `First turn up ${state.options.initialFlips} of your cards; play starts when everyone has.`;

/**
 * An action that does not fit the current step. Flips and knocks get their own codes, since a
 * client offers them as separate controls; everything else is ILLEGAL_ACTION.
 */
function misfit(action: GolfAction, hint: string): Result<never> {
  switch (action.type) {
    case 'flip':
      return reject('FLIP_NOT_ALLOWED', `No flip is owed or allowed now. ${hint}`);
    case 'knock':
      return reject('KNOCK_NOT_ALLOWED', `You may knock only at the start of your turn. ${hint}`);
    default:
      return reject('ILLEGAL_ACTION', `You cannot ${describe(action)} now. ${hint}`, {
        action: action.type,
      });
  }
}

const DESCRIPTIONS: Record<GolfAction['type'], string> = {
  initialFlip: 'make your initial flips',
  drawDeck: 'draw from the deck',
  takeDiscard: 'take the top discard',
  returnDiscard: 'put a card back on the discard pile',
  swap: 'swap a card',
  discard: 'discard',
  flip: 'flip a card',
  skipFlip: 'skip a flip',
  knock: 'knock',
};

const describe = (action: GolfAction) => DESCRIPTIONS[action.type];
