import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { accounts } from '../net/session.ts';
import { FormField } from './FormField.tsx';

/** Download my data; delete my account (password needed; match history stays, anonymised). */
export function DangerSection() {
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    const result = await accounts.exportData();
    if (!result.ok) return setError(result.error.message);
    const blob = new Blob([JSON.stringify(result.value, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'cardtable-account.json';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accounts.deleteAccount(password);
    if (!result.ok) return setError(result.error.message);
    void navigate('/');
  };

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p>
        <button type="button" onClick={() => void download()}>
          Download my data (JSON)
        </button>
      </p>
      <form className="account-form" onSubmit={(event) => void remove(event)}>
        <h3>Delete my account</h3>
        <p className="muted">
          Your name, login, email and settings are erased. Matches you played stay in their
          players&apos; history under &ldquo;Deleted player&rdquo;.
        </p>
        <FormField
          label="Password"
          name="deletePassword"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={error}
        />
        <button type="submit" className="danger">
          Delete my account
        </button>
      </form>
    </section>
  );
}
