import { useCallback, useEffect, useState } from 'react';
import type { LinkedIdentity } from '@cardtable/sdk';
import { accounts } from '../net/session.ts';
import { useAuthOptions } from './useAuthOptions.ts';

/** Providers linked to this account: link another, or unlink one while another way remains. */
export function ProvidersSection() {
  const providers = useAuthOptions()?.providers ?? [];
  const [linked, setLinked] = useState<LinkedIdentity[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await accounts.identities();
    if (result.ok) setLinked(result.value.identities);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (providers.length === 0 && linked.length === 0) return null;
  const link = async (id: string) => {
    const result = await accounts.linkProvider(id);
    if (!result.ok) return setError(result.error.message);
    window.location.assign(result.value.url);
  };
  const unlink = async (id: string) => {
    const result = await accounts.unlinkProvider(id);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    await load();
  };

  return (
    <section className="panel" aria-labelledby="linked-title">
      <h2 id="linked-title">Linked providers</h2>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="session-list">
        {providers.map((provider) => {
          const identity = linked.find((item) => item.provider === provider.id);
          return (
            <li key={provider.id}>
              <span>
                <strong>{provider.label}</strong>{' '}
                <span className="muted">
                  {identity ? (identity.email ?? 'linked') : 'not linked'}
                </span>
              </span>
              {identity ? (
                <button type="button" onClick={() => void unlink(provider.id)}>
                  Unlink<span className="visually-hidden"> {provider.label}</span>
                </button>
              ) : (
                <button type="button" onClick={() => void link(provider.id)}>
                  Link<span className="visually-hidden"> {provider.label}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
