import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '@cardtable/sdk';
import { accounts } from '../net/session.ts';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Where this account is signed in; any session can be signed out, or all at once. */
export function SessionsSection() {
  const navigate = useNavigate();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await accounts.sessions();
    if (result.ok) setSessions(result.value.sessions);
    else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (id: string) => {
    const result = await accounts.revokeSession(id);
    if (!result.ok) return setError(result.error.message);
    await load();
  };
  const everywhere = async () => {
    await accounts.logOutEverywhere();
    void navigate('/login');
  };

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {sessions ? (
        <ul className="session-list" data-testid="sessions">
          {sessions.map((session) => (
            <li key={session.id}>
              <span>
                <strong>{session.device}</strong>
                {session.current ? <span className="seat-tag">this device</span> : null}
                <br />
                <span className="muted">
                  Signed in {when(session.createdAt)} · last seen {when(session.lastSeenAt)}
                </span>
              </span>
              {session.current ? null : (
                <button type="button" onClick={() => void revoke(session.id)}>
                  Sign out<span className="visually-hidden"> {session.device}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <button type="button" onClick={() => void everywhere()}>
        Log out everywhere
      </button>
    </section>
  );
}
