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
  // Methods over module functions, not arrows: under tsx (esbuild keepNames) each arrow made
  // here would be renamed with a defineProperty call, for every generator made.
  return {
    nextU32() {
      return nextU32(s);
    },
    int(min, max) {
      return intIn(s, min, max);
    },
    shuffle(items) {
      return shuffled(s, items);
    },
    float() {
      return nextU32(s) / 0x1_0000_0000;
    },
  };
}

type State = [number, number, number, number];

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** The next output of the generator in state `s`, advancing it. */
function nextU32(s: State): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function intIn(s: State, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new RangeError(`rng.int needs integers min <= max, got ${min}, ${max}`);
  }
  const range = max - min + 1;
  if (range > 0x1_0000_0000) throw new RangeError('rng.int range exceeds 2^32');
  // Rejection sampling: drop the top partial bucket so every value is equally likely.
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % range);
  let draw = nextU32(s);
  while (draw >= limit) draw = nextU32(s);
  return min + (draw % range);
}

function shuffled<T>(s: State, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = intIn(s, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
