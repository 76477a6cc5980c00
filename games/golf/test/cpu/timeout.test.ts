import { applyAction, startMatch, type MatchState } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  golf,
  type GolfAction,
  type GolfOptions,
  type GolfState,
} from '../../src/index.ts';

const key = (action: GolfAction | null) => JSON.stringify(action);

describe('the turn-timer move', () => {
  it('plays every seat through a whole match with legal moves, deterministically', () => {
    const options: GolfOptions = { ...DEFAULT_OPTIONS, rounds: 2, flipMode: 'always' };
    let match: MatchState<GolfState, GolfOptions> = startMatch(golf, {
      options,
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
      seed: 'timeouts',
    }).match;
    let moves = 0;
    while (golf.outcome(match.state) === null && moves < 2000) {
      const seat = golf.activeSeats(match.state)[0] as number;
      const move = golf.timeoutAction(match.state, seat);
      expect(move).not.toBeNull();
      expect(key(golf.timeoutAction(match.state, seat))).toBe(key(move));
      const legal = golf.legalActions(match.state, seat).map(key);
      expect(legal).toContain(key(move));
      const applied = applyAction(golf, match, seat, move as GolfAction, `t${moves}`);
      expect(applied.ok).toBe(true);
      if (applied.ok) match = applied.value.match;
      moves++;
    }
    expect(golf.outcome(match.state)).not.toBeNull();
  });

  it('has nothing to play for a seat that may not act', () => {
    const { match } = startMatch(golf, {
      options: { ...DEFAULT_OPTIONS, initialFlips: 0 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: 'idle',
    });
    const idle = 1 - (golf.activeSeats(match.state)[0] as number);
    expect(golf.timeoutAction(match.state, idle)).toBeNull();
  });
});
