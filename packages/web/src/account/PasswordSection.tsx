import { useState, type FormEvent } from 'react';
import { accounts } from '../net/session.ts';
import { FormField } from './FormField.tsx';
import { formErrors, NO_FORM_ERRORS, type FormErrors } from './form-errors.ts';

/** Change the password: the current one is needed; other sessions are signed out. */
export function PasswordSection() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const result = await accounts.changePassword({ currentPassword, newPassword });
    if (!result.ok) return setErrors(formErrors(result.error));
    setErrors(NO_FORM_ERRORS);
    setCurrent('');
    setNew('');
    setDone(result.value.message);
  };

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <FormField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.fields.currentPassword}
        />
        <FormField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNew(event.target.value)}
          error={errors.fields.newPassword}
        />
        {errors.form ? (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit">Change password</button>
      </form>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
