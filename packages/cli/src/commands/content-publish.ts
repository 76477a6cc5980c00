import { stat } from 'node:fs/promises';
import { packageBody } from '@cardtable/server/content';
import type { ApiError } from '@cardtable/sdk';
import type { Diagnostic } from '@cardtable/sdk/content';
import { formatDiagnostic, validateContentPackage } from '@cardtable/tcg';
import { readContentFolder } from '../content-folder.ts';
import { nameFor, slugFor } from '../content/naming.ts';
import { creatorApi, sessionsFile } from '../content/session.ts';

export const CONTENT_PUBLISH_USAGE = `Usage: cardtable content publish DIR --server URL [--slug SLUG] [--description TEXT] [--token TOKEN] [--as NAME]

Validates a content folder, uploads it as the draft of your game on the server (creating the
game the first time) and publishes it as a new version. Matches already created keep the
version they were created with.
  --server URL   the Cardtable server, e.g. http://localhost:8080
  --slug SLUG    the game's name in URLs (default: the ruleset's id)
  --description TEXT
                 what the home page says about the game (up to 2000 characters); given
                 again later, it replaces the game's description
  --token TOKEN  an access token (or CARDTABLE_TOKEN); by default the CLI signs in as a guest
                 creator named --as NAME (default: your user name) and keeps that sign-in in
                 ${sessionsFile()}, so the same creator publishes every version
Exit code: 0 published (or nothing changed), 1 refused (errors printed), 2 bad arguments.`;

interface Args {
  dir: string;
  server: string;
  slug?: string;
  description?: string;
  token?: string;
  name?: string;
}

function parseArgs(argv: string[]): Args | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['--server', '--slug', '--description', '--token', '--as'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value.`;
      values.set(arg, value);
    } else if (arg.startsWith('-')) return `Unknown option: ${arg}`;
    else positional.push(arg);
  }
  if (positional.length !== 1) return 'Give exactly one folder.';
  const server = values.get('--server');
  if (!server || !/^https?:\/\//.test(server)) return '--server takes the server URL (http://...).';
  const token = values.get('--token') ?? process.env.CARDTABLE_TOKEN;
  const description = values.get('--description');
  if (description !== undefined && description.length > 2000)
    return '--description takes at most 2000 characters.';
  return {
    dir: positional[0]!,
    server: server.replace(/\/+$/, ''),
    ...(values.has('--slug') ? { slug: values.get('--slug')! } : {}),
    ...(description === undefined ? {} : { description }),
    ...(token ? { token } : {}),
    ...(values.has('--as') ? { name: values.get('--as')! } : {}),
  };
}

/** `cardtable content publish DIR --server URL`. */
export async function contentPublishCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(CONTENT_PUBLISH_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${CONTENT_PUBLISH_USAGE}`);
    return 2;
  }
  if (!(await stat(args.dir).catch(() => null))?.isDirectory()) {
    console.error(`${args.dir} is not a folder.`);
    return 2;
  }
  const files = await readContentFolder(args.dir);
  const local = await validateContentPackage(files);
  if (!local.ok) {
    printDiagnostics(local.errors, local.warnings);
    console.error(`${args.dir} is not valid: nothing was uploaded.`);
    return 1;
  }
  const slug = args.slug ?? slugFor(files, args.dir);
  try {
    const api = await creatorApi(args.server, { token: args.token, name: args.name });
    const existing = await api.getGame(slug);
    if (!existing.ok && existing.error.status === 404) {
      const created = await api.createGame({
        slug,
        name: nameFor(files, slug),
        ...(args.description === undefined ? {} : { description: args.description }),
      });
      if (!created.ok) return refused(created.error);
    } else if (!existing.ok) return refused(existing.error);
    else if (args.description !== undefined) {
      const updated = await api.updateGame(slug, { description: args.description });
      if (!updated.ok) return refused(updated.error);
    }
    const draft = await api.putDraft(slug, packageBody(files));
    if (!draft.ok) return refused(draft.error);
    const published = await api.publish(slug);
    if (!published.ok && published.error.code === 'CONTENT_UNCHANGED') {
      const version = published.error.details?.version;
      console.log(
        `Nothing changed: "${slug}" version ${String(version)} has this content already.`,
      );
      return 0;
    }
    if (!published.ok) return refused(published.error);
    const { version, contentHash } = published.value.version;
    printDiagnostics([], draft.value.warnings);
    console.log(
      `Published "${slug}" version ${version} (${contentHash}). Share it and play it: ${args.server}/?game=${encodeURIComponent(slug)}`,
    );
    return 0;
  } catch (error) {
    console.error(`Could not publish to ${args.server}: ${(error as Error).message}`);
    return 1;
  }
}

/** A refusal by the server (its diagnostics printed), or no usable answer from it. */
function refused(error: ApiError): number {
  if (error.status === undefined) {
    console.error(`Could not publish: ${error.message}`);
    return 1;
  }
  const details = error.details as { errors?: Diagnostic[]; warnings?: Diagnostic[] } | undefined;
  printDiagnostics(details?.errors ?? [], details?.warnings ?? []);
  console.error(`Refused: ${error.message}`);
  return 1;
}

function printDiagnostics(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]) {
  for (const diagnostic of [...errors, ...warnings]) console.error(formatDiagnostic(diagnostic));
}
