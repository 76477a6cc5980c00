import { readFile } from 'node:fs/promises';
import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import { findGame, gameNames } from '@cardtable/games';
import { tcgGameFor } from '@cardtable/tcg/demo';

const USAGE = 'Usage: cardtable replay verify FILE [--json]';

/** `cardtable replay verify FILE`: exit 0 when the log re-executes exactly, 1 when it diverges. */
export async function replayCommand(argv: string[]): Promise<number> {
  const [sub, file, ...flags] = argv;
  const unknown = flags.filter((flag) => flag !== '--json');
  if (sub !== 'verify' || !file || unknown.length > 0) {
    console.error(unknown.length > 0 ? `Unknown option: ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const json = flags.includes('--json');
  const report = await verifyFile(file);
  if (json) console.log(JSON.stringify(report));
  else if (report.ok)
    console.log(
      `OK: ${report.events} events over ${report.versions} versions re-executed exactly (state ${report.stateHash}). ${ENDINGS[report.ending]}`,
    );
  else console.log(`DIVERGED: ${report.message}`);
  return report.ok ? 0 : 1;
}

async function verifyFile(file: string) {
  let replay: ReplayFile;
  try {
    replay = JSON.parse(await readFile(file, 'utf8')) as ReplayFile;
  } catch (error) {
    return invalid(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const game =
    replay?.match?.game === 'tcg' ? await tcgGameFor() : findGame(String(replay?.match?.game));
  if (!game) {
    return invalid(
      `Unknown game "${replay?.match?.game}"; known games: ${gameNames().join(', ')}.`,
    );
  }
  return verifyReplay(game, replay);
}

const ENDINGS = {
  rules: 'The rules ended the match with the recorded result.',
  'outside-rules':
    'The server ended it outside the rules (a surrender): the result is the file’s word, not re-executed.',
  none: 'The match was not over.',
} as const;

const invalid = (message: string) => ({
  ok: false as const,
  divergence: { kind: 'invalid-file' as const, message },
  message,
});
