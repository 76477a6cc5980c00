import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from './helpers/child-server.ts';
import { crashSuite } from './helpers/crash-harness.ts';
import { tempDir } from './helpers/server.ts';

describe('a server killed with SIGKILL mid-play loses nothing and applies nothing twice', () => {
  it(
    'on PostgreSQL (12 kills); the log passes `cardtable replay verify`',
    { timeout: 240_000 },
    async () => {
      const finished = await crashSuite('postgres', 12);
      const file = join(tempDir(), 'crashed-match.json');
      writeFileSync(file, JSON.stringify(finished[finished.length - 1]));
      const { stdout } = await promisify(execFile)(process.execPath, [
        CLI_BIN,
        'replay',
        'verify',
        file,
      ]);
      expect(stdout).toMatch(/^OK:/);
    },
  );
});
