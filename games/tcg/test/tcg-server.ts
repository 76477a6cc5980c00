import { afterAll, beforeAll } from 'vitest';
import { tcgGameFor } from '../content/demo/index.ts';
import type { TcgGame } from '../src/index.ts';
import { gameRegistry } from '../../../packages/server/src/games.ts';
import type { RunningServer } from '../../../packages/server/src/app.ts';
import { startTestServer } from '../../../packages/server/test/helpers/server.ts';

/** A real server (on PostgreSQL) hosting the demo TCG for the tests of one `describe`. */
export function tcgServer(): { server(): RunningServer; game(): TcgGame } {
  let server: RunningServer | undefined;
  let game: (TcgGame & { dispose(): void }) | undefined;
  beforeAll(async () => {
    game = await tcgGameFor();
    server = await startTestServer('postgres', {}, gameRegistry({ game, timeoutProfile: 'easy' }));
  });
  afterAll(async () => {
    await server?.close();
    game?.dispose();
  });
  return { server: () => server!, game: () => game! };
}
