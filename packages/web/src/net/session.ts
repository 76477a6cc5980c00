import {
  AccountApi,
  CardtableClient,
  networkError,
  type ApiResult,
  type AuthResponse,
} from '@cardtable/sdk';
import { readJson, writeJson } from './storage.ts';

const SESSION_KEY = 'cardtable.session';
const NAME_KEY = 'cardtable.name';
/** Set while the session was made only to look around (the game list), under a made-up name. */
const BROWSING_KEY = 'cardtable.browsing';

/**
 * One client for the whole app. The guest session (tokens included) lives in localStorage, so
 * a reload, or an invite opened later in the same browser, is the same person in the same seat.
 */
export const client = new CardtableClient({
  baseUrl: window.location.origin,
  session: readJson<AuthResponse>(SESSION_KEY),
  onSession: (session) => {
    writeJson(SESSION_KEY, session);
    for (const listener of sessionListeners) listener();
  },
});

/** Signup, login, sessions and the account's settings, on the same session. */
export const accounts = new AccountApi(client.api);

const sessionListeners = new Set<() => void>();

/** Told whenever the session changes (sign-in, refresh, sign-out); returns the unsubscribe. */
export function subscribeSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function playerName(): string {
  return readJson<string>(NAME_KEY) ?? '';
}

export function setPlayerName(name: string): void {
  writeJson(NAME_KEY, name.trim() === '' ? null : name.trim().slice(0, 40));
}

let signingIn: Promise<unknown> = Promise.resolve();
let signInsUnderway = 0;
let signInSettled = false;

/**
 * Where signing in stands, for a header that must not say "Not signed in" while a guest is
 * being made: `not-tried` before any sign-in of this page load, `underway` while one runs,
 * `settled` once one ended (the session, or its absence, is then known).
 */
export type SignInState = 'not-tried' | 'underway' | 'settled';

export function signInState(): SignInState {
  if (signInsUnderway > 0) return 'underway';
  return signInSettled ? 'settled' : 'not-tried';
}

function signInChanged(underway: number) {
  signInsUnderway += underway;
  if (underway < 0) signInSettled = true;
  for (const listener of sessionListeners) listener();
}

/**
 * Sign-ins one at a time. Two at once (a page's first load and a quick first click) each made a
 * guest, and a call sent as one guest could land after the other replaced it: a studio game
 * created by the first and saved by the second was refused as someone else's.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  signInChanged(+1);
  const next = signingIn.then(work, work).finally(() => signInChanged(-1));
  signingIn = next.catch(() => undefined);
  return next;
}

const defaultName = () => `Guest ${100 + Math.floor(Math.random() * 900)}`;

/**
 * Whether a guest's name is the one `defaultName` made up (the player never chose one): signing
 * up then names the account after its username, as a new account is, not "Guest 272".
 */
export const isMadeUpName = (name: string) => /^Guest \d{3}$/.test(name);

/**
 * A session to look around with: the game list needs one. A visitor without one gets a guest
 * identity under a made-up name, which the first real action trades for the name they choose.
 */
export function ensureBrowsing(): Promise<ApiResult<AuthResponse>> {
  return oneAtATime(browse);
}

async function browse(): Promise<ApiResult<AuthResponse>> {
  if (client.api.session) {
    const current = await refreshed();
    if (current.ok || client.api.session) return current;
  }
  const result = await client.api.guest(playerName() || defaultName());
  if (result.ok) writeJson(BROWSING_KEY, true);
  return result;
}

/**
 * Signs in as a guest unless already signed in; the name is the saved one or a made-up one. A
 * saved session the server no longer honours (its refresh token refused) is replaced, and so is
 * one made only for browsing when the player has since chosen another name (seats take the
 * account's name; such a session holds no seat yet). A guest that holds seats is renamed
 * instead (`named`).
 */
export function ensureSignedIn(): Promise<ApiResult<AuthResponse>> {
  return oneAtATime(signIn);
}

async function signIn(): Promise<ApiResult<AuthResponse>> {
  const browsing = readJson<boolean>(BROWSING_KEY) === true;
  writeJson(BROWSING_KEY, null);
  const wanted = playerName();
  const session = client.api.session;
  // Only a guest made for browsing is traded; an account keeps its own name.
  if (browsing && wanted && session?.user.guest && session.user.name !== wanted) {
    client.api.signOut();
  }
  if (client.api.session) {
    const current = await refreshed();
    if (current.ok) return named(current.value, wanted);
    if (client.api.session) return current;
  }
  const name = playerName() || defaultName();
  const result = await client.api.guest(name);
  if (result.ok && !playerName()) setPlayerName(result.value.user.name);
  return result;
}

/**
 * A guest that already played keeps its identity (its seats, history and drafts) when the player
 * chooses another name: the name changes, for the seats taken from now on (the tokens carry it).
 * The new name was dropped without a word before: the next table still said "Guest 891".
 */
async function named(session: AuthResponse, wanted: string): Promise<ApiResult<AuthResponse>> {
  if (!wanted || !session.user.guest || session.user.name === wanted) {
    return { ok: true, value: session };
  }
  const renamed = await accounts.updateProfile({ displayName: wanted });
  if (!renamed.ok) return renamed;
  return { ok: true, value: client.api.session ?? session };
}

/** The saved session with a valid access token; an error that is not a refusal keeps it. */
async function refreshed(): Promise<ApiResult<AuthResponse>> {
  try {
    await client.api.accessToken();
    const current = client.api.session;
    if (current) return { ok: true, value: current };
  } catch (error) {
    // Refused for good (the session was dropped): the caller signs in afresh. Anything else,
    // such as no network, must not trade the seat-holding identity for a new one.
    if (client.api.session) {
      return { ok: false, error: networkError(error) };
    }
  }
  return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Signed out.' } };
}
