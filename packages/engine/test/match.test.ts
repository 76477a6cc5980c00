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

describe('applyAction with a game that hands its decided state (decideWithState)', () => {
  let folds = 0;
  const folding: typeof highCard = {
    ...highCard,
    evolve: (state, event) => {
      folds++;
      return highCard.evolve(state, event);
    },
    decideWithState: (state, seat, action, ctx) => {
      const decided = highCard.decide(state, seat, action, ctx);
      if (!decided.ok) return decided;
      const after = decided.value.reduce(highCard.evolve, state);
      return { ok: true, value: { events: decided.value, state: after } };
    },
  };
  const { match } = startMatch(highCard, config());
  const draw = { type: 'draw', payload: {} } as const;

  it('makes the same resolution and takes the decided state without folding again', () => {
    const plain = applyAction(highCard, match, 0, draw, 'x');
    folds = 0;
    const decided = applyAction(folding, match, 0, draw, 'x');
    if (!plain.ok || !decided.ok) throw new Error('the draw was refused');
    expect(folds).toBe(0);
    expect(decided.value.match).toEqual(plain.value.match);
    expect(decided.value.resolution.steps).toEqual(plain.value.resolution.steps);
    // Each step's state is folded on first read only, and the last one is the decided state.
    const { statesAfter } = decided.value.resolution;
    expect(folds).toBe(1);
    expect(statesAfter).toEqual(plain.value.resolution.statesAfter);
    expect(statesAfter.at(-1)).toBe(decided.value.match.state);
    expect(decided.value.resolution.statesAfter).toBe(statesAfter);
    expect(folds).toBe(1);
  });

  it('passes the rule errors of decideWithState through', () => {
    const applied = applyAction(folding, match, 0, { type: 'reveal', payload: {} }, 'x');
    expect(applied).toMatchObject({ ok: false, error: { code: 'ILLEGAL_ACTION' } });
  });
});
