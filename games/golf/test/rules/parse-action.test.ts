import { describe, expect, it } from 'vitest';
import { parseAction } from '../../src/index.ts';

const codeOf = (raw: unknown) => {
  const parsed = parseAction(raw);
  return parsed.ok ? 'ok' : parsed.error.code;
};

describe('golf parseAction', () => {
  it('accepts every action shape, a missing payload counting as {}', () => {
    expect(parseAction({ type: 'drawDeck' })).toEqual({
      ok: true,
      value: { type: 'drawDeck', payload: {} },
    });
    expect(parseAction({ type: 'swap', payload: { slot: 3 } })).toEqual({
      ok: true,
      value: { type: 'swap', payload: { slot: 3 } },
    });
    for (const type of ['takeDiscard', 'returnDiscard', 'discard', 'skipFlip', 'knock']) {
      expect(codeOf({ type, payload: {} })).toBe('ok');
    }
    expect(codeOf({ type: 'flip', payload: { slot: 0 } })).toBe('ok');
  });

  it('orders initial-flip slots (they are a set) but leaves duplicates and ranges to the rules', () => {
    expect(parseAction({ type: 'initialFlip', payload: { slots: [5, 2] } })).toEqual({
      ok: true,
      value: { type: 'initialFlip', payload: { slots: [2, 5] } },
    });
    expect(codeOf({ type: 'initialFlip', payload: { slots: [9, 9, 9] } })).toBe('ok');
  });

  it.each([
    [null, 'INVALID_PAYLOAD'],
    ['drawDeck', 'INVALID_PAYLOAD'],
    [{ payload: {} }, 'INVALID_PAYLOAD'],
    [{ type: 'peek' }, 'UNKNOWN_ACTION'],
    [{ type: 'toString' }, 'UNKNOWN_ACTION'],
    [{ type: 'drawDeck', payload: [] }, 'INVALID_PAYLOAD'],
    [{ type: 'drawDeck', payload: { slot: 1 } }, 'INVALID_PAYLOAD'],
    [{ type: 'swap', payload: {} }, 'INVALID_PAYLOAD'],
    [{ type: 'swap', payload: { slot: '1' } }, 'INVALID_PAYLOAD'],
    [{ type: 'flip', payload: { slot: 1.5 } }, 'INVALID_PAYLOAD'],
    [{ type: 'flip', payload: { slot: 1, extra: true } }, 'INVALID_PAYLOAD'],
    [{ type: 'initialFlip', payload: { slots: 2 } }, 'INVALID_PAYLOAD'],
    [{ type: 'initialFlip', payload: { slots: [1, '2'] } }, 'INVALID_PAYLOAD'],
  ])('refuses %j with %s', (raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });
});
