import { useEffect, useState } from 'react';
import type { AuthOptions } from '@cardtable/sdk';
import { accounts } from '../net/session.ts';

/** The server's signup mode, dev mailbox and sign-in providers (null until loaded). */
export function useAuthOptions(): AuthOptions | null {
  const [options, setOptions] = useState<AuthOptions | null>(null);
  useEffect(() => {
    let stale = false;
    void accounts.options().then((result) => {
      if (!stale && result.ok) setOptions(result.value);
    });
    return () => {
      stale = true;
    };
  }, []);
  return options;
}
