import { describe, expect, it } from 'vitest';
import { foldEvents, scanEvents } from '../src/index.ts';
import { highCard } from './fixtures/high-card.ts';
import { config, playHighCard } from './helpers.ts';

describe('scanEvents', () => {
  const { replay } = playHighCard('scan-me');
  const states = scanEvents(highCard, config('scan-me'), replay.events);

  it('has the initial state plus one state per event', () => {
    expect(states).toHaveLength(replay.events.length + 1);
    expect(states[0]).toEqual(highCard.initialState(config('scan-me')));
  });

  it('agrees with foldEvents at every prefix of the log', () => {
    for (const length of [1, 5, replay.events.length]) {
      expect(states[length]).toEqual(
        foldEvents(highCard, config('scan-me'), replay.events.slice(0, length)),
      );
    }
  });
});
