import { useSyncExternalStore } from 'react';
import type { AuthResponse } from '@cardtable/sdk';
import { client, subscribeSession } from '../net/session.ts';

/** The current session (null when signed out), re-rendering on sign-in, refresh and sign-out. */
export function useSession(): AuthResponse | null {
  return useSyncExternalStore(subscribeSession, () => client.api.session);
}
