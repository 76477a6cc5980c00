import { hash128 } from './hash.ts';

/** A deterministic random source. Every draw a game makes must be recorded in its events. */
export interface Rng {
  /** An unsigned 32-bit integer. */
  nextU32(): number;
  /** An integer in [min, max], both inclusive, without modulo bias. */
  int(min: number, max: number): number;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A float in [0, 1). */
  float(): number;
}

/**
 * xoshiro128** (Blackman and Vigna), keyed by the match seed and the position in the log
 * (version, step), so a draw never depends on how many draws came before it elsewhere.
 */
export function createRng(seed: string, ...key: number[]): Rng {
  const s = hash128(`${seed}|${key.join(':')}`);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got ${min}, ${max}`);
    }
    const range = max - min + 1;
    if (range > 0x1_0000_0000) throw new RangeError('rng.int range exceeds 2^32');
    // Rejection sampling: drop the top partial bucket so every value is equally likely.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % range);
    let draw = nextU32();
    while (draw >= limit) draw = nextU32();
    return min + (draw % range);
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  return { nextU32, int, shuffle, float: () => nextU32() / 0x1_0000_0000 };
}
