import { describe, expect, it } from 'vitest';
import { crashSuite } from './helpers/crash-harness.ts';

describe('a server killed with SIGKILL mid-play loses nothing and applies nothing twice', () => {
  it(
    'on embedded PGlite (8 kills, restarted on the same DATA_DIR)',
    { timeout: 240_000 },
    async () => {
      const finished = await crashSuite('embedded', 8);
      expect(finished.length).toBeGreaterThan(0);
    },
  );
});
