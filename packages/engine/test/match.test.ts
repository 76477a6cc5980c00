import { describe, expect, it } from 'vitest';
import { applyAction, startMatch } from '../src/index.ts';
import { highCard } from './fixtures/high-card.ts';
import { config, playHighCard } from './helpers.ts';

describe('startMatch', () => {
  it('plays the opening resolution as version 1', () => {
    const { match, resolution } = startMatch(highCard, config());
    expect(match.version).toBe(1);
    expect(resolution.version).toBe(1);
    expect(resolution.cause).toEqual({ kind: 'start' });
    expect(resolution.steps.map((s) => [s.version, s.step, s.type])).toEqual([[1, 1, 'shuffled']]);
    expect(match.state.deck).toHaveLength(10);
  });

  it('is deterministic in the seed', () => {
    expect(startMatch(highCard, config('a')).match.state).toEqual(
      startMatch(highCard, config('a')).match.state,
    );
    expect(startMatch(highCard, config('a')).match.state).not.toEqual(
      startMatch(highCard, config('b')).match.state,
    );
  });
});

describe('applyAction', () => {
  const { match } = startMatch(highCard, config());

  it('numbers the steps of one action under one resolution and version', () => {
    const applied = applyAction(highCard, match, 0, { type: 'draw', payload: {} }, 'x');
    if (!applied.ok) throw new Error(applied.error.message);
    const { resolution } = applied.value;
    expect(applied.value.match.version).toBe(2);
    expect(resolution.steps.map((s) => [s.version, s.step, s.resolutionId, s.requiresAck])).toEqual(
      [
        [2, 1, 'r2', true],
        [2, 2, 'r2', false],
      ],
    );
    expect(resolution.statesAfter).toHaveLength(2);
    expect(resolution.statesAfter[1]).toBe(applied.value.match.state);
    expect(resolution.cause).toMatchObject({ kind: 'action', seat: 0, actionId: 'x' });
  });

  it('rejects a seat that may not act with NOT_YOUR_TURN and changes nothing', () => {
    const before = structuredClone(match);
    const applied = applyAction(highCard, match, 1, { type: 'draw', payload: {} }, 'x');
    expect(applied).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    expect(match).toEqual(before);
  });

  it('passes the game rule errors through', () => {
    const applied = applyAction(highCard, match, 0, { type: 'reveal', payload: {} }, 'x');
    expect(applied).toMatchObject({ ok: false, error: { code: 'ILLEGAL_ACTION' } });
  });

  it('rejects anything after the end with MATCH_OVER', () => {
    const over = playHighCard().match;
    const applied = applyAction(highCard, over, 0, { type: 'draw', payload: {} }, 'x');
    expect(applied).toMatchObject({ ok: false, error: { code: 'MATCH_OVER' } });
  });
});
