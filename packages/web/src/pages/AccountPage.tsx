import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Profile } from '@cardtable/sdk';
import { DangerSection } from '../account/DangerSection.tsx';
import { PasswordSection } from '../account/PasswordSection.tsx';
import { ProfileSection } from '../account/ProfileSection.tsx';
import { ProvidersSection } from '../account/ProvidersSection.tsx';
import { SessionsSection } from '../account/SessionsSection.tsx';
import { useAuthOptions } from '../account/useAuthOptions.ts';
import { useSession } from '../account/useSession.ts';
import { rememberPreferences } from '../account/preferences.ts';
import { accounts } from '../net/session.ts';

/** Account settings: profile, password, sessions, data export and deletion. */
export default function AccountPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signedIn = session !== null && !session.user.guest;
  const options = useAuthOptions();

  useEffect(() => {
    if (!signedIn) return;
    void accounts.profile().then((result) => {
      if (result.ok) setProfile(result.value);
      else setError(result.error.message);
    });
  }, [signedIn]);

  if (!signedIn) {
    return (
      <main className="page narrow">
        <h1>Your account</h1>
        <p>
          <Link to="/login">Log in</Link> or <Link to="/signup">sign up</Link> to see your account.
        </p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Your account</h1>
      {params.get('welcome') ? (
        <p className="notice" role="status">
          Welcome! We mailed you a link to confirm your email address.
          {options?.devMailbox ? (
            // A server with no mail set up (a local one, as `npm start` runs it) keeps its mail
            // in a mailbox page: without this the link was nowhere to be found.
            <>
              {' '}
              This server sends no mail: find it in <a href="/dev/mail">the dev mailbox</a>.
            </>
          ) : null}{' '}
          {/* Sign-up ends here, among settings: the way back to what brought a player here. */}
          <Link to="/" data-testid="welcome-play">
            Back to the games
          </Link>
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {profile ? (
        <ProfileSection
          profile={profile}
          onChange={(saved) => {
            setProfile(saved);
            rememberPreferences(saved.preferences);
          }}
        />
      ) : null}
      <PasswordSection />
      <ProvidersSection />
      <SessionsSection />
      <DangerSection />
    </main>
  );
}
