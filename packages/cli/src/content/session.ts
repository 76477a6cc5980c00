import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { CardtableApi } from '@cardtable/sdk';
import type { AuthResponse } from '@cardtable/sdk/protocol';

/** Where the CLI keeps its sign-ins, one per server (the refresh token rotates on every use). */
export const sessionsFile = (env: Record<string, string | undefined> = process.env) =>
  join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'cardtable', 'sessions.json');

type Sessions = Record<string, AuthResponse>;

async function readSessions(file: string): Promise<Sessions> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Sessions;
  } catch {
    return {};
  }
}

/** Keeps `session` as this CLI's sign-in on `server` (null forgets it), readable only by you. */
const keeper =
  (file: string, server: string) =>
  async (session: AuthResponse | null): Promise<void> => {
    const all = await readSessions(file);
    if (session) all[server] = session;
    else delete all[server];
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(all, null, 2), { mode: 0o600 });
  };

/** Who this CLI already is on a server, if anyone; `expired` is a saved sign-in it refused. */
export interface KnownCreator {
  api: CardtableApi | null;
  expired: AuthResponse | null;
}

/**
 * The SDK signed in as the creator this CLI already is on a server: with `token` when given
 * (`--token` or CARDTABLE_TOKEN), else with the sign-in it saved for that server (refreshed
 * when due, the rotated token saved). Neither: `api` is null.
 */
export async function knownCreatorApi(
  server: string,
  options: { token?: string | undefined; file?: string },
): Promise<KnownCreator> {
  if (options.token)
    return {
      api: new CardtableApi({ baseUrl: server, accessToken: options.token }),
      expired: null,
    };
  const file = options.file ?? sessionsFile();
  const saved = (await readSessions(file))[server];
  if (!saved) return { api: null, expired: null };
  const api = new CardtableApi({
    baseUrl: server,
    session: saved,
    onSession: keeper(file, server),
  });
  try {
    await api.accessToken();
    return { api, expired: null };
  } catch {
    return { api: null, expired: saved };
  }
}

/**
 * The SDK signed in as the creator on a server: the one this CLI already is there
 * (`knownCreatorApi`); else a new guest identity named `name`, saved for next time (the same
 * creator can then publish new versions of their game).
 */
export async function creatorApi(
  server: string,
  options: { token?: string | undefined; name?: string | undefined; file?: string },
): Promise<CardtableApi> {
  const file = options.file ?? sessionsFile();
  const known = await knownCreatorApi(server, { token: options.token, file });
  if (known.api) return known.api;
  const api = new CardtableApi({ baseUrl: server, session: null, onSession: keeper(file, server) });
  const name = options.name ?? userInfo().username ?? 'Creator';
  const signedIn = await api.guest(name);
  if (!signedIn.ok) throw new Error(`Cannot sign in to ${server}: ${signedIn.error.message}`);
  // Said, because the new identity is not the creator of the games the old one made.
  if (known.expired)
    console.error(
      `Your saved sign-in on ${server} (${known.expired.user.name}) has expired or was revoked: signed in as a new guest creator "${name}". Games the old sign-in created can only be changed with its access token (--token).`,
    );
  return api;
}
