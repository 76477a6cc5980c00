import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, HOUSE_RULE_NAMES, isStandard, parseOptions } from '../../src/index.ts';

const errorOf = (raw: unknown, seats = 4) => {
  const parsed = parseOptions(raw, seats);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return parsed.error;
};

describe('golf options', () => {
  it('fills every default from nothing or an empty object', () => {
    expect(parseOptions(undefined, 2)).toEqual({ ok: true, value: DEFAULT_OPTIONS });
    expect(parseOptions({}, 6)).toEqual({ ok: true, value: DEFAULT_OPTIONS });
    expect(DEFAULT_OPTIONS).toMatchObject({
      decks: 1,
      rounds: 9,
      initialFlips: 2,
      jokerMode: 'none',
      flipMode: 'never',
    });
    for (const rule of HOUSE_RULE_NAMES) expect(DEFAULT_OPTIONS[rule]).toBe(false);
  });

  it('keeps given options', () => {
    const parsed = parseOptions(
      { decks: 3, rounds: 18, jokerMode: 'eagleEye', tiedShame: true },
      3,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { ...DEFAULT_OPTIONS, decks: 3, rounds: 18, jokerMode: 'eagleEye', tiedShame: true },
    });
  });

  it.each([
    [{ decks: 0 }, 'decks'],
    [{ decks: 4 }, 'decks'],
    [{ decks: '2' }, 'decks'],
    [{ rounds: 0 }, 'rounds'],
    [{ rounds: 19 }, 'rounds'],
    [{ rounds: 2.5 }, 'rounds'],
    [{ initialFlips: 3 }, 'initialFlips'],
    [{ jokerMode: 'jokers' }, 'jokerMode'],
    [{ flipMode: 'sometimes' }, 'flipMode'],
    [{ superKings: 'yes' }, 'superKings'],
    [{ knockEarly: 1 }, 'knockEarly'],
  ])('names the bad option in %j', (raw, option) => {
    const error = errorOf(raw);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.details?.option).toBe(option);
    expect(error.message).toContain(`"${option}"`);
  });

  it('refuses unknown options, such as separate joker flags (one enum only)', () => {
    expect(errorOf({ jokers: true })).toMatchObject({
      code: 'UNKNOWN_OPTION',
      details: { option: 'jokers' },
    });
    expect(errorOf({ luckySwing: true }).code).toBe('UNKNOWN_OPTION');
  });

  it('refuses a table of fewer than 2 or more than 6 seats, and options that are not an object', () => {
    expect(errorOf({}, 1).code).toBe('INVALID_SEAT_COUNT');
    expect(errorOf({}, 7).code).toBe('INVALID_SEAT_COUNT');
    expect(errorOf([1, 2]).code).toBe('INVALID_OPTIONS');
    expect(errorOf('decks=2').code).toBe('INVALID_OPTIONS');
  });

  it('calls a game standard when only the deck count and the holes differ from the defaults', () => {
    expect(isStandard({ ...DEFAULT_OPTIONS, decks: 3, rounds: 18 })).toBe(true);
    expect(isStandard({ ...DEFAULT_OPTIONS, initialFlips: 1 })).toBe(false);
    expect(isStandard({ ...DEFAULT_OPTIONS, jokerMode: 'standard' })).toBe(false);
    expect(isStandard({ ...DEFAULT_OPTIONS, flipMode: 'always' })).toBe(false);
    for (const rule of HOUSE_RULE_NAMES) {
      expect(isStandard({ ...DEFAULT_OPTIONS, [rule]: true }), rule).toBe(false);
    }
  });
});
