import { applyAction, startMatch, type StepEvent } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  golf,
  simulateGame,
  type GolfEvent,
  type GolfState,
} from '../../src/index.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('golf evolve', () => {
  it('never changes the state it folds into (every state frozen), and keeps its field order', () => {
    const options = { ...DEFAULT_OPTIONS, rounds: 2, flipMode: 'always' as const };
    const setup = { options, seats: 3, profiles: null, seed: 'evolve', audit: false };
    const record = simulateGame(setup, 0);
    const config = {
      options,
      seats: record.profiles.map((profile) => ({ kind: 'cpu' as const, profile })),
      seed: 'evolve/0',
    };
    const started = startMatch(golf, config);
    const steps: StepEvent[] = [...started.resolution.steps];
    let match = started.match;
    for (const { seat, action } of record.log) {
      const applied = applyAction(golf, match, seat, action, 'a');
      if (!applied.ok) throw new Error(applied.error.message);
      steps.push(...applied.value.resolution.steps);
      match = applied.value.match;
    }
    let state: GolfState = deepFreeze(golf.initialState(config));
    const order = Object.keys(state);
    for (const step of steps) {
      const event = deepFreeze({ type: step.type, data: step.data } as GolfEvent);
      state = deepFreeze(golf.evolve(state, event));
      expect(Object.keys(state)).toEqual(order);
    }
    expect(JSON.stringify(state)).toBe(JSON.stringify(match.state));
  });
});
