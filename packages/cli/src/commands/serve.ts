import { defaultGames, gameRegistry, runServer } from '@cardtable/server';
import { tcgGameFor } from '@cardtable/tcg/demo';

const USAGE = `Usage: cardtable serve

Runs the match server and the web app in one process. Configuration comes from environment
variables (PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, ...; see packages/server/README.md).`;

/** `cardtable serve`: starts the server, prints its URL, drains and exits on SIGTERM or SIGINT. */
export async function serveCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    console.error(`Unexpected arguments: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  // TCG joins the catalog's games here: its Lua sandbox is created asynchronously.
  return runServer(async () => {
    const tcg = { game: await tcgGameFor(), timeoutProfile: 'easy' };
    return gameRegistry(...defaultGames().values(), tcg);
  });
}
