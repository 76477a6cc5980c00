import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint.ts';
import { PINNED_TABLES } from './tables.ts';

describe('pinned games (behaviour is unchanged by optimisations)', () => {
  for (const table of PINNED_TABLES) {
    it(`${table.name}: same events, final state hash, projections and rule answers`, () => {
      expect(fingerprintOf(table)).toEqual(table.expected);
    });
  }
});
