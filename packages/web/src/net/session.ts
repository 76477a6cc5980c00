import { CardtableClient, type ApiResult, type AuthResponse } from '@cardtable/sdk';
import { readJson, writeJson } from './storage.ts';

const SESSION_KEY = 'cardtable.session';
const NAME_KEY = 'cardtable.name';

/**
 * One client for the whole app. The guest session (tokens included) lives in localStorage, so
 * a reload, or an invite opened later in the same browser, is the same person in the same seat.
 */
export const client = new CardtableClient({
  baseUrl: window.location.origin,
  session: readJson<AuthResponse>(SESSION_KEY),
  onSession: (session) => writeJson(SESSION_KEY, session),
});

export function playerName(): string {
  return readJson<string>(NAME_KEY) ?? '';
}

export function setPlayerName(name: string): void {
  writeJson(NAME_KEY, name.trim() === '' ? null : name.trim().slice(0, 40));
}

const defaultName = () => `Guest ${100 + Math.floor(Math.random() * 900)}`;

/**
 * Signs in as a guest unless already signed in; the name is the saved one or a made-up one. A
 * saved session the server no longer honours (its refresh token refused) is replaced.
 */
export async function ensureSignedIn(): Promise<ApiResult<AuthResponse>> {
  if (client.api.session) {
    try {
      await client.api.accessToken();
      const current = client.api.session;
      if (current) return { ok: true, value: current };
    } catch (error) {
      // Refused for good (the session was dropped): sign in afresh below. Anything else, such
      // as no network, must not trade the seat-holding identity for a new one.
      if (client.api.session) {
        return { ok: false, error: { code: 'NETWORK_ERROR', message: (error as Error).message } };
      }
    }
  }
  const name = playerName() || defaultName();
  const result = await client.api.guest(name);
  if (result.ok && !playerName()) setPlayerName(result.value.user.name);
  return result;
}
