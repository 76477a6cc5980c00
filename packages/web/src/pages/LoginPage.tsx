import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../account/FormField.tsx';
import { ProviderButtons } from '../account/ProviderButtons.tsx';
import { accounts } from '../net/session.ts';

/** Log in with a username or email and a password. */
export default function LoginPage() {
  const navigate = useNavigate();
  // A provider's sign-in that failed comes back here with its reason.
  const [params] = useSearchParams();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(params.get('error'));
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await accounts.logIn(login.trim(), password);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    void navigate('/');
  };

  return (
    <main className="page narrow">
      <h1>Log in</h1>
      <form className="panel account-form" onSubmit={(event) => void submit(event)}>
        <FormField
          label="Username or email"
          name="login"
          autoComplete="username"
          required
          value={login}
          onChange={(event) => setLogin(event.target.value)}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Log in
        </button>
      </form>
      <ProviderButtons />
      <p>
        <Link to="/forgot-password">Forgot your password?</Link> · New here?{' '}
        <Link to="/signup">Sign up</Link>
      </p>
    </main>
  );
}
