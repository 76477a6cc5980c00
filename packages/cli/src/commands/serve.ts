import { defaultGames, gameRegistry, loadConfig, startServer } from '@cardtable/server';
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
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 2;
  }
  // TCG joins the catalog's games here: its Lua sandbox is created asynchronously.
  const tcg = { game: await tcgGameFor(), timeoutProfile: 'easy' };
  const server = await startServer(loaded.config, gameRegistry(...defaultGames().values(), tcg));
  const store = loaded.config.databaseUrl
    ? 'PostgreSQL'
    : `embedded PGlite in ${loaded.config.dataDir}`;
  console.log(`Cardtable is listening on ${server.url} (${store})`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`${signal}: finishing in-flight actions and closing connections...`);
  const timeout = setTimeout(() => {
    console.error('Shutdown took too long; exiting.');
    process.exit(1);
  }, loaded.config.shutdownTimeoutMs);
  timeout.unref();
  await server.close();
  console.log('Stopped.');
  return 0;
}
