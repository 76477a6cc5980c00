import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_MAX_LENGTH, type Profile } from '@cardtable/sdk';
import { accounts } from '../net/session.ts';
import { settings } from '../settings/settings.ts';
import { THEME_LABELS, THEME_PREFERENCES, type ThemePreference } from '../theme/theme.ts';
import { FormField } from './FormField.tsx';

/** Display name, preferences and the email's state (with a new link on request). */
export function ProfileSection({
  profile,
  onChange,
}: {
  profile: Profile;
  onChange: (p: Profile) => void;
}) {
  const [displayName, setDisplayName] = useState(profile.displayName);
  // An account that never chose a theme shows the one this browser draws in.
  const [theme, setTheme] = useState(profile.preferences.theme ?? settings.getSnapshot().theme);
  const [reducedMotion, setReducedMotion] = useState(profile.preferences.reducedMotion ?? false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accounts.updateProfile({
      displayName: displayName.trim(),
      preferences: { theme, reducedMotion },
    });
    if (!result.ok) return setStatus({ ok: false, text: result.error.message });
    onChange(result.value);
    setStatus({ ok: true, text: 'Saved.' });
  };
  const resend = async () => {
    const result = await accounts.resendVerification();
    setStatus(
      result.ok
        ? { ok: true, text: result.value.message }
        : { ok: false, text: result.error.message },
    );
  };

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <div className="profile-head">
        <img src={profile.avatarUrl} alt="Your generated avatar" width={64} height={64} />
        <div>
          <p>
            Username: <strong>{profile.username}</strong>
          </p>
          <p data-testid="email-status">
            Email: {profile.email}{' '}
            {profile.emailVerified ? (
              <span className="seat-tag">confirmed</span>
            ) : (
              <>
                <span className="seat-tag">not confirmed yet</span>{' '}
                <button type="button" onClick={() => void resend()}>
                  Mail a new link
                </button>
              </>
            )}
          </p>
        </div>
      </div>
      <form className="account-form" onSubmit={(event) => void save(event)}>
        <FormField
          label="Display name"
          name="displayName"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <div className="form-field">
          <label htmlFor="theme">Theme</label>
          <select
            id="theme"
            value={theme}
            onChange={(event) => setTheme(event.target.value as ThemePreference)}
          >
            {THEME_PREFERENCES.map((value) => (
              <option key={value} value={value}>
                {THEME_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={reducedMotion}
            onChange={(event) => setReducedMotion(event.target.checked)}
          />
          Reduce motion at the table
        </label>
        <button type="submit" className="primary">
          Save profile
        </button>
      </form>
      {status ? (
        <p className={status.ok ? 'notice' : 'notice notice-error'} role="status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
