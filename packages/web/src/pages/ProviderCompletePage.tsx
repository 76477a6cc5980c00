import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accounts } from '../net/session.ts';

/** One trade per code, even when an effect runs twice (React's strict mode in development). */
const trading = new Map<string, ReturnType<typeof accounts.completeProviderSignIn>>();

/** Where a provider's sign-in lands: trades the one-time code for a session, then goes home. */
export default function ProviderCompletePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const code = params.get('code') ?? '';
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!trading.has(code)) trading.set(code, accounts.completeProviderSignIn(code));
    void trading.get(code)?.then((result) => {
      if (result.ok) void navigate('/', { replace: true });
      else setError(result.error.message);
    });
  }, [code, navigate]);

  return (
    <main className="page narrow">
      <h1>Signing you in…</h1>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error} <Link to="/login">Back to log in</Link>
        </p>
      ) : null}
    </main>
  );
}
