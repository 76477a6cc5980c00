import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../src/closest-name.ts';

describe('closestName: the name a creator meant', () => {
  it('counts edits, a swap of neighbours as one, case ignored', () => {
    expect(editDistance('died', 'died')).toBe(0);
    expect(editDistance('deid', 'died')).toBe(1);
    expect(editDistance('dide', 'died')).toBe(1);
    expect(editDistance('Guard', 'guard')).toBe(0);
    expect(editDistance('turnstar', 'turnStart')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('offers a close name, the closest first, and none when every name is far', () => {
    const triggers = ['played', 'summoned', 'died', 'turnStart', 'turnEnd'];
    expect(closestName('dide', triggers)).toBe('died');
    expect(closestName('turnend', triggers)).toBe('turnEnd');
    expect(closestName('summond', triggers)).toBe('summoned');
    expect(closestName('leaves', triggers)).toBeNull();
    expect(closestName('x', triggers)).toBeNull();
  });
});
