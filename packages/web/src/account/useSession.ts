import { useSyncExternalStore } from 'react';
import type { AuthResponse } from '@cardtable/sdk';
import { client, signInState, subscribeSession, type SignInState } from '../net/session.ts';

/** The current session (null when signed out), re-rendering on sign-in, refresh and sign-out. */
export function useSession(): AuthResponse | null {
  return useSyncExternalStore(subscribeSession, () => client.api.session);
}

/** Where signing in stands (see `signInState`), re-rendering as it moves on. */
export function useSignInState(): SignInState {
  return useSyncExternalStore(subscribeSession, signInState);
}
