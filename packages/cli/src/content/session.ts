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

/**
 * The SDK signed in as the creator on a server: with `token` when given (`--token` or
 * CARDTABLE_TOKEN); else as the identity this CLI signed in as before on that server; else as a
 * new guest identity named `name`, saved for next time (the same creator can then publish new
 * versions of their game).
 */
export async function creatorApi(
  server: string,
  options: { token?: string | undefined; name?: string | undefined; file?: string },
): Promise<CardtableApi> {
  if (options.token) return new CardtableApi({ baseUrl: server, accessToken: options.token });
  const file = options.file ?? sessionsFile();
  const sessions = await readSessions(file);
  const save = async (session: AuthResponse | null) => {
    const all = await readSessions(file);
    if (session) all[server] = session;
    else delete all[server];
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(all, null, 2), { mode: 0o600 });
  };
  const saved = sessions[server];
  const api = new CardtableApi({ baseUrl: server, session: saved ?? null, onSession: save });
  if (saved) {
    try {
      await api.accessToken();
      return api;
    } catch {
      // The saved sign-in expired or was revoked: sign in afresh below, and say so, because
      // the new identity is not the creator of the games the old one made.
    }
  }
  const name = options.name ?? userInfo().username ?? 'Creator';
  const signedIn = await api.guest(name);
  if (!signedIn.ok) throw new Error(`Cannot sign in to ${server}: ${signedIn.error.message}`);
  if (saved)
    console.error(
      `Your saved sign-in on ${server} (${saved.user.name}) has expired or was revoked: signed in as a new guest creator "${name}". Games the old sign-in created can only be changed with its access token (--token).`,
    );
  return api;
}
