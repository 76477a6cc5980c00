import { defaultGames, runServer } from '@cardtable/server';
import { hostLocalContent } from '../content/host-local.ts';
import { sessionsFile } from '../content/session.ts';

const USAGE = `Usage: cardtable serve [--content DIR]... [--token TOKEN]

Runs the match server and the web app in one process. Configuration comes from environment
variables (PORT, DATA_DIR, DATABASE_URL, S3_BUCKET, LOG_LEVEL, ...; see packages/server/README.md).
  --content DIR   host a content folder as a game (repeatable), for playtesting: it is published
                  as a new version whenever its files change; live matches keep their version
  --token TOKEN   publish hosted folders as the account this access token signs in (or
                  CARDTABLE_TOKEN), as \`content publish\` does; by default as the creator
                  \`content publish\` signed in as on this server (saved in
                  ${sessionsFile()}), else as the server's local creator`;

/** `cardtable serve`: starts the server, prints its URL, drains and exits on SIGTERM or SIGINT. */
export async function serveCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const folders: string[] = [];
  let token = process.env.CARDTABLE_TOKEN;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (
      !['--content', '--token'].includes(argv[i]!) ||
      value === undefined ||
      value.startsWith('--')
    ) {
      console.error(`Unexpected argument: ${argv[i]}\n\n${USAGE}`);
      return 2;
    }
    if (argv[i] === '--content') folders.push(value);
    else token = value;
    i++;
  }
  return runServer(defaultGames, process.env, (server) =>
    hostLocalContent(server, folders, { token }),
  );
}
