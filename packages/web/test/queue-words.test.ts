import { describe, expect, it } from 'vitest';
import { queueWords } from '../src/social/queue-words.ts';

describe('queueWords', () => {
  it('says who else waits and who is ahead, in plain words', () => {
    expect(queueWords({ position: 1, waiting: 1, estimatedWaitMs: null }, 2)).toBe(
      'Looking for an opponent… Nobody else is waiting yet.',
    );
    expect(queueWords({ position: 1, waiting: 2, estimatedWaitMs: 20_400 }, 3)).toBe(
      'Looking for 2 opponents… 1 other player is waiting, you are first in line. About 20 s to go.',
    );
    expect(queueWords({ position: 3, waiting: 4, estimatedWaitMs: 200 }, 4)).toBe(
      'Looking for 3 opponents… 3 other players are waiting, 2 ahead of you. About 1 s to go.',
    );
  });
});
