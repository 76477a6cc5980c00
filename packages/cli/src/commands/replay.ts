import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyReplay, type AnyGame } from '@cardtable/engine';
import { gameNames, loadGame } from '@cardtable/games';
import { gameForEmbeddedContent, toStored, type ExportedReplay } from '@cardtable/server/content';
import { readContentFolder } from '../content-folder.ts';

const USAGE = `Usage: cardtable replay verify FILE [--content DIR] [--json]

Re-executes an exported match and checks every event and the final state. A match of a creator's
game is re-executed against exactly the content it was played with: the content embedded in the
export, or the folder given with --content (it must hash to the same content).`;

/** `cardtable replay verify FILE`: exit 0 when the log re-executes exactly, 1 when it does not. */
export async function replayCommand(argv: string[]): Promise<number> {
  const [sub, file, ...rest] = argv;
  let json = false;
  let content: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--json') json = true;
    else if (rest[i] === '--content' && rest[i + 1] && !rest[i + 1]!.startsWith('--'))
      content = rest[++i];
    else {
      console.error(`Unknown option: ${rest[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (sub !== 'verify' || !file) {
    console.error(USAGE);
    return 2;
  }
  const report = await verifyFile(file, content);
  if (json) console.log(JSON.stringify(report));
  else if (report.ok)
    console.log(
      `OK: ${report.events} events over ${report.versions} versions re-executed exactly (state ${report.stateHash}). ${ENDINGS[report.ending]}`,
    );
  else if (report.divergence.kind === 'unknown-content') console.log(report.message);
  else console.log(`DIVERGED: ${report.message}`);
  return report.ok ? 0 : 1;
}

async function verifyFile(file: string, contentDir: string | undefined) {
  let replay: ExportedReplay;
  try {
    replay = JSON.parse(await readFile(file, 'utf8')) as ExportedReplay;
  } catch (error) {
    return invalid(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const resolved = await gameFor(replay, contentDir);
  if ('failure' in resolved) return resolved.failure;
  try {
    return verifyReplay(resolved.game, replay);
  } finally {
    resolved.dispose();
  }
}

const ENDINGS = {
  rules: 'The rules ended the match with the recorded result.',
  'outside-rules':
    'The server ended it outside the rules (a surrender): the result is the file’s word, not re-executed.',
  none: 'The match was not over.',
} as const;

/** The game the replay was played with: its pinned content, or a built-in game by name. */
async function gameFor(
  replay: ExportedReplay,
  contentDir: string | undefined,
): Promise<{ game: AnyGame; dispose(): void } | { failure: Failure }> {
  if (replay?.match?.content) {
    const files = contentDir ? toStored(await readContentFolder(resolve(contentDir))) : undefined;
    const built = await gameForEmbeddedContent(replay, { user: 'cli', address: null }, files);
    if (!built.ok)
      return {
        failure: invalid(
          built.message,
          built.code === 'UNKNOWN_CONTENT' ? 'unknown-content' : 'invalid-file',
        ),
      };
    return { game: built.game, dispose: () => built.game.dispose() };
  }
  if (contentDir)
    return {
      failure: invalid("--content is for replays of a creator's game; this one is built in."),
    };
  const game = await loadGame(String(replay?.match?.game));
  if (!game)
    return {
      failure: invalid(
        `Unknown game "${replay?.match?.game}"; known games: ${gameNames().join(', ')}.`,
      ),
    };
  return { game, dispose: () => undefined };
}

/** Why a replay could not be re-executed at all (as opposed to a divergence). */
interface Failure {
  ok: false;
  divergence: { kind: 'invalid-file' | 'unknown-content'; message: string };
  message: string;
}

const invalid = (
  message: string,
  kind: Failure['divergence']['kind'] = 'invalid-file',
): Failure => ({ ok: false, divergence: { kind, message }, message });
