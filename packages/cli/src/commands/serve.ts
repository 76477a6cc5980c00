import { defaultGames, runServer } from '@cardtable/server';
import { hostLocalContent } from '../content/host-local.ts';

const USAGE = `Usage: cardtable serve [--content DIR]...

Runs the match server and the web app in one process. Configuration comes from environment
variables (PORT, DATA_DIR, DATABASE_URL, S3_BUCKET, LOG_LEVEL, ...; see packages/server/README.md).
  --content DIR   host a content folder as a game (repeatable), for playtesting: it is published
                  as a new version whenever its files change; live matches keep their version`;

/** `cardtable serve`: starts the server, prints its URL, drains and exits on SIGTERM or SIGINT. */
export async function serveCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const folder = argv[i + 1];
    if (argv[i] !== '--content' || folder === undefined || folder.startsWith('--')) {
      console.error(`Unexpected argument: ${argv[i]}\n\n${USAGE}`);
      return 2;
    }
    folders.push(folder);
    i++;
  }
  return runServer(defaultGames, process.env, (server) => hostLocalContent(server, folders));
}
