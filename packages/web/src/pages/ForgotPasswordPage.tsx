import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormField } from '../account/FormField.tsx';
import { accounts } from '../net/session.ts';

/** Ask for a reset link; the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accounts.forgotPassword(email.trim());
    setMessage(
      result.ok
        ? { ok: true, text: result.value.message }
        : { ok: false, text: result.error.message },
    );
  };

  return (
    <main className="page narrow">
      <h1>Forgot your password?</h1>
      <form className="panel account-form" onSubmit={(event) => void submit(event)}>
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="primary">
          Mail me a reset link
        </button>
      </form>
      {message ? (
        <p className={message.ok ? 'notice' : 'notice notice-error'} role="status">
          {message.text}
        </p>
      ) : null}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}
