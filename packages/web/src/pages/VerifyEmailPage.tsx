import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accounts } from '../net/session.ts';

/** One request per token, even when an effect runs twice (React's strict mode in development). */
const verifying = new Map<string, ReturnType<typeof accounts.verifyEmail>>();

/** The page a verification link opens: confirms the address once. */
export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let stale = false;
    if (!verifying.has(token)) verifying.set(token, accounts.verifyEmail(token));
    void verifying.get(token)?.then((result) => {
      if (stale) return;
      setOutcome(
        result.ok
          ? { ok: true, text: result.value.message }
          : { ok: false, text: result.error.message },
      );
    });
    return () => {
      stale = true;
    };
  }, [token]);

  return (
    <main className="page narrow">
      <h1>Confirm your email</h1>
      {outcome ? (
        <p
          className={outcome.ok ? 'notice' : 'notice notice-error'}
          role="status"
          data-testid="verify-outcome"
        >
          {outcome.text}
        </p>
      ) : (
        <p className="muted">Checking the link…</p>
      )}
      <p>
        <Link to="/">Play</Link> · <Link to="/account">Your account</Link>
      </p>
    </main>
  );
}
