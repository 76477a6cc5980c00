import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A sequence of unguessable ids for one (version, step) of a match. */
export interface OpaqueIds {
  /** 64 bits as 16 hex digits; the same for the same seed, version, step and position. */
  next(): string;
}

const KEY_LABEL = utf8ToBytes('cardtable/opaque-ids/v1');
type KeyedMac = ReturnType<typeof hmac.create>;
let lastSeed: string | null = null;
let lastMac: KeyedMac | null = null;

/**
 * The key for a match's opaque ids: HMAC-SHA256 keyed by the match seed (random, 128 bits,
 * never leaves the server while the match is live) over a fixed label. HMAC is a PRF, so the
 * key is pseudorandom and independent of the seeded generators (which hash the seed another
 * way). Cached for the last seed, as an HMAC already keyed with it (each id clones it rather than
 * keying a new one): a resolution (and a CPU playout) asks for it again and again.
 */
function keyedMacFor(seed: string): KeyedMac {
  if (seed !== lastSeed || !lastMac) {
    lastMac = hmac.create(sha256, hmac(sha256, utf8ToBytes(seed), KEY_LABEL));
    lastSeed = seed;
  }
  return lastMac;
}

/**
 * Ids that reveal nothing: each is HMAC-SHA256 under the match key of `version:step:index`,
 * cut to 64 bits. Unlike a generator's raw outputs (from which its state, and with it every
 * later shuffle, can be recovered), a PRF's outputs tell nothing about its key or about any
 * other output, so a client that sees any number of them can predict nothing. Deterministic:
 * replays give the same ids byte for byte.
 */
export function opaqueIds(seed: string, version: number, step: number): OpaqueIds {
  const keyed = keyedMacFor(seed);
  let index = 0;
  return {
    next() {
      const mac = keyed
        .clone()
        .update(utf8ToBytes(`${version}:${step}:${index++}`))
        .digest();
      return bytesToHex(mac.subarray(0, 8));
    },
  };
}
