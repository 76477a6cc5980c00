import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormField } from '../account/FormField.tsx';
import { accounts } from '../net/session.ts';

/** The page a reset link opens: choose a new password (every session is signed out). */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accounts.resetPassword(token, password);
    if (!result.ok) return setError(result.error.message);
    // The old session, if this browser had one, is signed out on the server.
    setDone(true);
  };

  if (done) {
    return (
      <main className="page narrow">
        <h1>Password changed</h1>
        <p className="notice" role="status">
          Your password is changed and every session is signed out.{' '}
          <Link to="/login">Log in with the new password</Link>.
        </p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Choose a new password</h1>
      <form className="panel account-form" onSubmit={(event) => void submit(event)}>
        <FormField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint="At least 10 characters, with letters and a digit or symbol."
          error={error}
        />
        <button type="submit" className="primary" disabled={token === ''}>
          Set the password
        </button>
      </form>
    </main>
  );
}
