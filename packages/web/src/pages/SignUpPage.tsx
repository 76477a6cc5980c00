import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SignupMode } from '@cardtable/sdk';
import { FormField } from '../account/FormField.tsx';
import {
  blankFields,
  formErrors,
  NO_FORM_ERRORS,
  type FormErrors,
} from '../account/form-errors.ts';
import { useSession } from '../account/useSession.ts';
import { accounts, isMadeUpName } from '../net/session.ts';

/** Make an account; a guest who signs up keeps their id, and so their matches and drafts. */
export default function SignUpPage() {
  const navigate = useNavigate();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [mode, setMode] = useState<SignupMode>('open');
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [busy, setBusy] = useState(false);
  const guest = session?.user.guest === true;
  // A guest who chose a name keeps it; one playing under a made-up name takes the username.
  const namedByUsername = guest && isMadeUpName(session.user.name);

  useEffect(() => {
    void accounts.options().then((result) => {
      if (result.ok) setMode(result.value.signup);
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = blankFields([
      ['username', username, 'Choose a username.'],
      ['email', email, 'Enter your email address.'],
      ['password', password, 'Choose a password.'],
    ]);
    const form = event.currentTarget as HTMLFormElement;
    // Typing goes where the words are: the first field refused, not the button pressed.
    const show = (refused: FormErrors) => {
      setErrors(refused);
      const [name] = Object.keys(refused.fields);
      if (name) (form.elements.namedItem(name) as HTMLInputElement | null)?.focus();
    };
    if (blank) return show(blank);
    setBusy(true);
    const result = await accounts.signUp({
      username: username.trim(),
      email: email.trim(),
      password,
      ...(namedByUsername ? { displayName: username.trim() } : {}),
      ...(inviteCode.trim() ? { inviteCode: inviteCode.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return show(formErrors(result.error));
    void navigate('/account?welcome=1');
  };

  return (
    <main className="page narrow">
      <h1>Sign up</h1>
      {guest ? (
        <p data-testid="upgrade-note">
          You are playing as the guest <strong>{session?.user.name}</strong>. Your account keeps
          that identity: your matches, drafts and replays stay yours
          {namedByUsername ? ', and you play under your username from then on.' : '.'}
        </p>
      ) : null}
      <form className="panel account-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField
          label="Username"
          name="username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={30}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          hint="3 to 30 letters, digits, dots, dashes or underscores."
          error={errors.fields.username}
        />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          hint="We mail you a link to confirm it."
          error={errors.fields.email}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint="At least 10 characters, with letters and a digit or symbol."
          error={errors.fields.password}
        />
        {mode !== 'open' ? (
          <FormField
            label={mode === 'invite' ? 'Invite code' : 'Invite code (if you have one)'}
            name="inviteCode"
            autoComplete="off"
            value={inviteCode}
            onChange={(event) => setInviteCode(event.target.value)}
            error={errors.fields.inviteCode}
          />
        ) : null}
        {errors.form ? (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {guest ? 'Make my account' : 'Sign up'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </main>
  );
}
