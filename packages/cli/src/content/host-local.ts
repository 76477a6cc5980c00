import { existsSync, watch } from 'node:fs';
import { resolve } from 'node:path';
import type { RunningServer } from '@cardtable/server';
import { formatDiagnostic, type Diagnostic } from '@cardtable/tcg';
import { readContentFolder } from '../content-folder.ts';
import { nameFor, slugFor } from './naming.ts';

/** Quiet time after the last change before a folder is read again (editors save in bursts). */
const SETTLE_MS = 400;

/**
 * Hosts local content folders on a running server: each is published as a game now and again
 * whenever its files change (a new version per change; live matches keep theirs). Problems are
 * printed, never fatal: fix the file and save again. Returns what stops the watching.
 */
export async function hostLocalContent(
  server: RunningServer,
  folders: readonly string[],
): Promise<() => void> {
  const stops: (() => void)[] = [];
  for (const folder of folders) {
    const dir = resolve(folder);
    if (!existsSync(dir)) {
      console.error(`--content ${folder}: no such folder.`);
      continue;
    }
    // One publish at a time per folder, in the order the changes came.
    let running: Promise<void> = Promise.resolve();
    const publish = () => (running = running.then(() => publishFolder(server, dir)));
    await publish();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void publish(), SETTLE_MS);
    });
    stops.push(() => {
      watcher.close();
      clearTimeout(timer);
    });
  }
  return () => stops.forEach((stop) => stop());
}

async function publishFolder(server: RunningServer, dir: string): Promise<void> {
  try {
    const files = await readContentFolder(dir);
    const slug = slugFor(files, dir);
    const { game, version } = await server.content.publishLocal({
      slug,
      name: nameFor(files, slug),
      description: `Hosted from ${dir}`,
      files,
    });
    if (version)
      console.log(
        `${dir}: ${game.name} version ${version.version} is live as "${slug}" (${version.contentHash}).`,
      );
  } catch (error) {
    const details = (error as { body?: { details?: { errors?: Diagnostic[] } } }).body?.details
      ?.errors;
    // As `content validate` prints them: file, line and column, code, path.
    const lines = details?.map((d) => `  ${formatDiagnostic(d)}`);
    console.error(
      `${dir}: not published: ${(error as Error).message}${lines ? `\n${lines.join('\n')}` : ''}`,
    );
  }
}
