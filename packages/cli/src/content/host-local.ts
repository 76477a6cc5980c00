import { existsSync, watch } from 'node:fs';
import { resolve } from 'node:path';
import { HostedSlugTaken, type RunningServer } from '@cardtable/server';
import { formatDiagnostic, type Diagnostic } from '@cardtable/tcg';
import { readContentFolder } from '../content-folder.ts';
import { nameFor, slugFor } from './naming.ts';
import { knownCreatorApi } from './session.ts';

/** Who hosted folders publish as; null is the server's local creator. */
export type HostingCreator = { id: string; name: string } | null;

/** How the host knows the creator: an access token, else the CLI's saved sign-ins (a file). */
export interface HostingOptions {
  token?: string | undefined;
  sessionsFile?: string;
}

/** Quiet time after the last change before a folder is read again (editors save in bursts). */
const SETTLE_MS = 400;

/**
 * Hosts local content folders on a running server: each is published as a game now and again
 * whenever its files change (a new version per change; live matches keep theirs), as the
 * creator this CLI is on the server (`hostingCreator`). Problems are printed, never fatal: fix
 * the file and save again. Returns what stops the watching.
 */
export async function hostLocalContent(
  server: RunningServer,
  folders: readonly string[],
  options: HostingOptions = {},
): Promise<() => void> {
  const creator = folders.length ? await hostingCreator(server, options) : null;
  const stops: (() => void)[] = [];
  for (const folder of folders) {
    const dir = resolve(folder);
    if (!existsSync(dir)) {
      console.error(`--content ${folder}: no such folder.`);
      continue;
    }
    // One publish at a time per folder, in the order the changes came.
    let running: Promise<void> = Promise.resolve();
    const publish = () => (running = running.then(() => publishFolder(server, dir, creator)));
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

/**
 * The creator hosted folders publish as: the one `content publish` would publish as on this
 * server (the access token given, else the sign-in it saved for the server's URL), so a game
 * published with `content publish` can be hosted here too. Learned once, at the start: the
 * host runs this server, so it needs no token afterwards. With neither, null: the server's
 * local creator. A token the server refuses throws (nothing is hosted).
 */
export async function hostingCreator(
  server: RunningServer,
  options: HostingOptions,
): Promise<HostingCreator> {
  const known = await knownCreatorApi(server.url, {
    token: options.token,
    ...(options.sessionsFile ? { file: options.sessionsFile } : {}),
  });
  if (known.expired)
    console.error(
      `Your saved sign-in on ${server.url} (${known.expired.user.name}) has expired or was revoked: folders are hosted as the server's local creator.`,
    );
  if (!known.api) return null;
  const me = await known.api.me();
  if (!me.ok)
    throw new Error(
      options.token
        ? `This server refuses the access token (--token or CARDTABLE_TOKEN): ${me.error.message} Access tokens last 15 minutes: log in again for a fresh one.`
        : `Cannot learn who your saved sign-in on ${server.url} is: ${me.error.message}`,
    );
  console.log(`Hosting as ${me.value.name}, the creator you are signed in as on ${server.url}.`);
  return { id: me.value.id, name: me.value.name };
}

async function publishFolder(
  server: RunningServer,
  dir: string,
  creator: HostingCreator,
): Promise<void> {
  try {
    const files = await readContentFolder(dir);
    const slug = slugFor(files, dir);
    const input = { slug, name: nameFor(files, slug), description: `Hosted from ${dir}`, files };
    const { game, version } = await server.content.publishLocal(input, creator ?? undefined);
    if (version)
      console.log(
        `${dir}: ${game.name} version ${version.version} is live as "${slug}" (${version.contentHash}).`,
      );
  } catch (error) {
    const details = (error as { body?: { details?: { errors?: Diagnostic[] } } }).body?.details
      ?.errors;
    // As `content validate` prints them: file, line and column, code, path.
    const lines = details?.map((d) => `  ${formatDiagnostic(d)}`);
    const advice = error instanceof HostedSlugTaken ? `\n${hostAsOwner(server.url)}` : '';
    console.error(
      `${dir}: not published: ${(error as Error).message}${advice}${lines ? `\n${lines.join('\n')}` : ''}`,
    );
  }
}

/** What to do when a hosted folder's game is another creator's (this server at `url`). */
const hostAsOwner = (url: string) =>
  "  To host it as the game's creator, sign in as them: their access token with --token (or " +
  'CARDTABLE_TOKEN), or the sign-in `cardtable content publish` saved when it published as ' +
  `them, which hosting uses when it was for this address (${url}: the same PORT and host). ` +
  'Or give the ruleset another id to host the folder here as a game of its own.';
