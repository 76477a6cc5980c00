import type { Seat } from '@cardtable/engine';
import type { GolfEvent } from '@cardtable/golf';
import type { Beat } from './beats.ts';
import { outcomeBeat } from './outcome-beat.ts';

/** The sound a Golf step makes for a viewer (`me`: their seat, null when watching). */
export function golfBeat(event: GolfEvent, me: Seat | null): Beat | null {
  switch (event.type) {
    case 'deckDrawn':
    case 'discardTaken':
      return 'draw';
    case 'cardSwapped':
    case 'cardDiscarded':
    case 'discardReturned':
    case 'cardFlipped':
    case 'initialFlipped':
      return 'play';
    case 'turnPassed':
      return me !== null && event.data.to === me ? 'turn' : null;
    case 'gameEnded':
      return outcomeBeat(event.data.outcome, me);
    default:
      return null;
  }
}
