import type { HostRandom } from '../vm-core.ts';

/**
 * A small deterministic RNG for dry runs and tooling (sfc32 seeded by a string hash). Matches
 * use the game kernel's RNG instead; this only makes `random(a, b)` work, reproducibly, when a
 * creator tries a script on its own.
 */
export function createSeededRandom(seed: string): HostRandom {
  let [a, b, c, d] = seedWords(seed);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return (min, max) => {
    const range = max - min + 1;
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % range);
    let draw = next();
    while (draw >= limit) draw = next();
    return min + (draw % range);
  };
}

function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
