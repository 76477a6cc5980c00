import { describe, expect, it } from 'vitest';
import { compareSteps, StepCursor } from '../src/cursor.ts';

const at = (version: number, step: number) => ({ version, step, resolutionId: `r${version}` });

describe('StepCursor', () => {
  it('starts from the position of the full view it was reset to', () => {
    const cursor = new StepCursor();
    cursor.reset(at(4, 3));
    expect(cursor.advance(at(4, 2))).toBe(false);
    expect(cursor.advance(at(4, 3))).toBe(false);
    expect(cursor.advance(at(5, 1))).toBe(true);
    expect(cursor.position).toEqual(at(5, 1));
  });

  it('drops repeats and anything older than the last step', () => {
    const cursor = new StepCursor();
    expect(cursor.advance(at(1, 1))).toBe(true);
    expect(cursor.advance(at(1, 2))).toBe(true);
    expect(cursor.advance(at(1, 2))).toBe(false);
    expect(cursor.advance(at(1, 1))).toBe(false);
    expect(cursor.advance(at(2, 1))).toBe(true);
    expect(cursor.position).toEqual(at(2, 1));
  });

  it('orders by version, then step', () => {
    expect(compareSteps(at(2, 1), at(1, 9))).toBeGreaterThan(0);
    expect(compareSteps(at(2, 1), at(2, 2))).toBeLessThan(0);
    expect(compareSteps(at(3, 3), at(3, 3))).toBe(0);
  });
});
