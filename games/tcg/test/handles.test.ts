import { createRng, opaqueIds } from '@cardtable/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TcgGame } from '../src/index.ts';
import { demoGame, newMatch, playRandomly } from './helpers.ts';

let game: TcgGame;
beforeAll(async () => {
  game = await demoGame();
});

// An attacker who knows the generator (xoshiro128**, public code) and sees some handles in the
// order they were issued. Its outputs are the scrambled word s1; every other state word is a
// linear function (over GF(2)) of the state before, so a few outputs pin down the whole state.

const MASK_BITS = 128;
type Word = bigint[]; // bit i of the word as a mask over the 128 unknown starting-state bits

const xorWords = (a: Word, b: Word): Word => a.map((bit, i) => bit ^ (b[i] as bigint));
const shlWord = (w: Word, k: number): Word => w.map((_, i) => (i >= k ? (w[i - k] as bigint) : 0n));
const rotlWord = (w: Word, k: number): Word => w.map((_, i) => w[(i - k + 32) % 32] as bigint);

/** s1 from one output: out = rotl(s1 * 5, 7) * 9 (mod 2^32), every part invertible. */
function unscramble(output: number): number {
  const x = Math.imul(output, 0x38e38e39) >>> 0; // 9^-1
  const rotated = ((x >>> 7) | (x << 25)) >>> 0;
  return Math.imul(rotated, 0xcccccccd) >>> 0; // 5^-1
}

function nextOf(s: number[]): number {
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
  const t = s[1]! << 9;
  s[2]! ^= s[0]!;
  s[3]! ^= s[1]!;
  s[1]! ^= s[2]!;
  s[0]! ^= s[3]!;
  s[2]! ^= t;
  s[3] = rotl(s[3]!, 11);
  return result;
}

/** Recovers the generator state from consecutive outputs and predicts the next `count`. */
function predictAfter(outputs: readonly number[], count: number): number[] | null {
  let state: Word[] = [0, 1, 2, 3].map((w) =>
    Array.from({ length: 32 }, (_, bit) => 1n << BigInt(w * 32 + bit)),
  );
  const rows: { mask: bigint; value: number }[] = [];
  for (const output of outputs) {
    const s1 = unscramble(output);
    state[1]!.forEach((mask, bit) => rows.push({ mask, value: (s1 >>> bit) & 1 }));
    const [s0, w1, w2, w3] = state as [Word, Word, Word, Word];
    const t = shlWord(w1, 9);
    const n2 = xorWords(w2, s0);
    const n3 = xorWords(w3, w1);
    const n1 = xorWords(w1, n2);
    const n0 = xorWords(s0, n3);
    state = [n0, n1, xorWords(n2, t), rotlWord(n3, 11)];
  }
  // Gaussian elimination over GF(2).
  const pivots = new Map<number, { mask: bigint; value: number }>();
  for (let { mask, value } of rows) {
    for (let bit = MASK_BITS - 1; bit >= 0 && mask !== 0n; bit--) {
      if (((mask >> BigInt(bit)) & 1n) === 0n) continue;
      const pivot = pivots.get(bit);
      if (!pivot) {
        pivots.set(bit, { mask, value });
        mask = 0n;
      } else {
        mask ^= pivot.mask;
        value ^= pivot.value;
      }
    }
  }
  if (pivots.size < MASK_BITS) return null;
  const bits = new Array<number>(MASK_BITS).fill(0);
  for (let bit = 0; bit < MASK_BITS; bit++) {
    const { mask, value } = pivots.get(bit)!;
    let v = value;
    for (let other = 0; other < bit; other++)
      if ((mask >> BigInt(other)) & 1n) v ^= bits[other] as number;
    bits[bit] = v;
  }
  const start = [0, 1, 2, 3].map((w) => {
    let word = 0;
    for (let bit = 0; bit < 32; bit++) word |= (bits[w * 32 + bit] as number) << bit;
    return word >>> 0;
  });
  for (let i = 0; i < outputs.length; i++) nextOf(start);
  return Array.from({ length: count }, () => nextOf(start));
}

/** The handles of both decks, in the order they were issued (from the server-only event). */
function deckHandles(seed: string): string[] {
  return newMatch(game, seed)
    .resolution.steps.filter((step) => step.type === 'deckBuilt')
    .flatMap((step) => (step.data as { cards: { handle: string }[] }).cards.map((c) => c.handle));
}

describe('card handles', () => {
  it('the attacker model works: raw generator outputs as handles give every later one away', () => {
    const rng = createRng('some-secret-seed', 1, 1);
    const oldHandles = Array.from({ length: 40 }, () => rng.nextU32());
    expect(predictAfter(oldHandles.slice(0, 5), 35)).toEqual(oldHandles.slice(5));
  });

  it('keyed-hash handles predict nothing: no later handle and no generator output', () => {
    for (const seed of ['alpha', 'beta', 'gamma']) {
      const handles = deckHandles(seed);
      expect(handles.length).toBeGreaterThan(20);
      expect(handles.every((handle) => /^c[0-9a-f]{16}$/.test(handle))).toBe(true);
      const words = handles.map((handle) => Number.parseInt(handle.slice(1, 9), 16));
      const predicted = predictAfter(words.slice(0, 5), words.length - 5) ?? [];
      expect(predicted.filter((word, i) => word === words[i + 5])).toEqual([]);
      // Nor does any handle carry a draw of the generators that shuffle the decks.
      const draws = new Set<number>();
      for (const step of [0, 1, 2]) {
        const rng = createRng(seed, 1, step);
        for (let i = 0; i < 200; i++) draws.add(rng.nextU32());
      }
      expect(words.filter((word) => draws.has(word))).toEqual([]);
    }
  });

  it('are deterministic: the same seed gives the same handles, another seed others', () => {
    expect(deckHandles('alpha')).toEqual(deckHandles('alpha'));
    const other = new Set(deckHandles('beta'));
    expect(deckHandles('alpha').filter((handle) => other.has(handle))).toEqual([]);
    const ids = opaqueIds('alpha', 1, 1);
    expect(deckHandles('alpha').slice(0, 3)).toEqual([1, 2, 3].map(() => `c${ids.next()}`));
  });

  it('are never reused within a match', () => {
    for (const seed of ['one', 'two', 'three']) {
      const retired = new Set<string>();
      let present = new Set<string>();
      playRandomly(game, seed, ({ resolution }) => {
        for (const state of resolution.statesAfter) {
          const now = new Set(Object.keys(state.cards));
          for (const handle of now)
            if (!present.has(handle)) expect(retired.has(handle), handle).toBe(false);
          for (const handle of present) if (!now.has(handle)) retired.add(handle);
          present = now;
        }
      });
      expect(retired.size).toBeGreaterThan(0);
    }
  });
});
