import { describe, expect, it } from 'vitest';
import { counted } from '../src/ui/counted.ts';

describe('counted', () => {
  it('puts the noun in the number of its count', () => {
    expect(counted(1, 'warning')).toBe('1 warning');
    expect(counted(0, 'card')).toBe('0 cards');
    expect(counted(3, 'damage counter')).toBe('3 damage counters');
    expect(counted(2, 'match', 'matches')).toBe('2 matches');
  });
});
