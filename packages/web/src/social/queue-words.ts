import { counted } from '../ui/counted.ts';

/** The queue's place as the server pushes it: 1-based `position` among `waiting` people. */
export interface QueuePlace {
  position: number;
  waiting: number;
  estimatedWaitMs: number | null;
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/**
 * The queue's status in plain words. "You are 1 of 1 waiting" read like a riddle to a new
 * player: say who else is waiting, who is ahead, and how long it may take.
 */
export function queueWords(place: QueuePlace, seats: number): string {
  const opponents = seats - 1 === 1 ? 'an opponent' : `${seats - 1} opponents`;
  const others = place.waiting - 1;
  const ahead = place.position - 1;
  const company =
    others <= 0
      ? 'Nobody else is waiting yet.'
      : `${counted(others, 'other player')} ${others === 1 ? 'is' : 'are'} waiting` +
        (ahead > 0 ? `, ${ahead} ahead of you.` : ', you are first in line.');
  const wait =
    place.estimatedWaitMs === null ? '' : ` About ${seconds(place.estimatedWaitMs)} to go.`;
  return `Looking for ${opponents}… ${company}${wait}`;
}
