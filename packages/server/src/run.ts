import { startServer, type RunningServer } from './app.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import type { GameRegistry } from './games.ts';
import { NO_WEB_APP } from './static-web.ts';

/**
 * The server's process lifecycle: validates the environment, starts, prints the URL, and on
 * SIGTERM or SIGINT drains in-flight actions and closes cleanly. Resolves with the exit code.
 */
export async function runServer(
  games: GameRegistry | (() => Promise<GameRegistry>),
  env: Record<string, string | undefined> = process.env,
  /** Runs once the server listens (e.g. hosting local content); what it returns runs at stop. */
  onStarted?: (server: RunningServer) => Promise<() => void>,
): Promise<number> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    console.error(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 2;
  }
  const { config } = loaded;
  const hosted = typeof games === 'function' ? await games() : games;
  const server = await startServer(config, hosted);
  console.log(startupBanner(server.url, config));
  let stopExtras: () => void = () => undefined;
  try {
    if (onStarted) stopExtras = await onStarted(server);
  } catch (error) {
    // What runs at the start could not (e.g. a refused access token): stop rather than serve
    // without it.
    console.error((error as Error).message);
    await server.close();
    return 1;
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.log(`${signal}: finishing in-flight actions and closing connections...`);
  const timeout = setTimeout(() => {
    console.error('Shutdown took too long; exiting.');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timeout.unref();
  stopExtras();
  await server.close();
  console.log('Stopped.');
  return 0;
}

/** What a person starting the server needs to see: where to open it and where its data lives. */
export function startupBanner(url: string, config: ServerConfig): string {
  const database = config.databaseUrl
    ? `PostgreSQL at ${withoutPassword(config.databaseUrl)}`
    : `embedded PGlite in ${config.dataDir}`;
  const perAction =
    config.logLevel === 'debug' || config.logLevel === 'trace'
      ? ''
      : ' (LOG_LEVEL=debug logs every action)';
  const listening = config.webRoot
    ? [`  Cardtable is listening on ${url} : open it in a browser.`]
    : [`  Cardtable is listening on ${url} : the API only.`, `  ${NO_WEB_APP}`];
  return [
    '',
    ...listening,
    '',
    `  Data directory  ${config.dataDir}`,
    `  Database        ${database}`,
    `  Log level       ${config.logLevel}${perAction}`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** A database URL fit to print: the password, if any, masked. */
function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
