import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { accounts } from '../net/session.ts';
import { rememberPreferences } from './preferences.ts';
import { useSession, useSignInState } from './useSession.ts';
import { ThemeSetting } from '../settings/ThemeSetting.tsx';

/** Pages that show a table (and their own top bar) need the whole screen: no account bar there. */
const TABLE_PAGES = /^\/(match|tcg|replay)(\/|$)/;

/**
 * Pages that sign a visitor in as a guest to look around as soon as they load (their data is
 * under auth). Not an invite (`/join/…`): a browser with no name there asks for one first.
 */
const BROWSING_PAGES = /^\/($|tables|me$|players\/|leaderboards|studio)/;

/**
 * Who is signed in, with the way to an account (sign up, log in) or to its settings. On a phone
 * the links and the theme menu fold behind a Menu button (in a row they wrapped into three
 * lines); on wider screens the button is hidden and they sit in the bar.
 */
export function AccountBar() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // The page the menu was opened on: a link followed from it leads to a page that starts with
  // the menu folded.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenAt(open ? location.pathname : null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const signIn = useSignInState();
  const user = session?.user;
  // Until a guest being made (or about to be, on a page that looks around) is known, the bar
  // says neither "Not signed in" nor "Sign up" rather than flash a state about to change.
  const signingIn =
    !user &&
    (signIn === 'underway' || (signIn === 'not-tried' && BROWSING_PAGES.test(location.pathname)));
  const account = user && !user.guest ? user.id : null;
  // The account's preferences apply on every device it signs in on: read them once a sign-in.
  useEffect(() => {
    if (!account) return rememberPreferences(null);
    let stale = false;
    void accounts.profile().then((result) => {
      if (!stale && result.ok) rememberPreferences(result.value.preferences);
    });
    return () => {
      stale = true;
    };
  }, [account]);
  if (TABLE_PAGES.test(location.pathname)) return null;
  const logOut = async () => {
    await accounts.logOut();
    void navigate('/login');
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  return (
    <nav className="account-bar" aria-label="Account" onKeyDown={closeOnEscape}>
      <Link className="brand" to="/">
        Cardtable
      </Link>
      <span className="account-who" data-testid="signed-in-as" aria-busy={signingIn}>
        {user ? (
          <>
            <img
              src={`/api/users/${encodeURIComponent(user.id)}/avatar.svg`}
              alt=""
              width={24}
              height={24}
            />
            <span className="account-who-name">{user.name}</span>
            {/* Heard as "(guest)"; seen as "(guest)" too, or on a phone as a small tag, which
                leaves the name the room to read whole ("Guest 947 (g…" it was). */}
            {user.guest ? (
              <>
                <span className="visually-hidden"> (guest)</span>
                <span className="account-guest-tag" aria-hidden="true" data-testid="guest-tag">
                  guest
                </span>
              </>
            ) : null}
          </>
        ) : signingIn ? (
          <span className="visually-hidden">Signing in…</span>
        ) : (
          'Not signed in'
        )}
      </span>
      <button
        ref={menuButton}
        type="button"
        className="account-menu-button"
        aria-expanded={menuOpen}
        aria-controls="account-links"
        data-testid="account-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        Menu
      </button>
      <div id="account-links" className="account-links" data-open={menuOpen}>
        {user && !user.guest ? (
          <>
            <Link to="/account">Account</Link>
            {user.role === 'moderator' || user.role === 'admin' ? (
              <Link to="/moderation" data-testid="moderation-link">
                Reports
              </Link>
            ) : null}
            <button type="button" onClick={() => void logOut()} data-testid="log-out">
              Log out
            </button>
          </>
        ) : (
          <>
            <ThemeSetting />
            {signingIn ? null : (
              <>
                <Link to="/signup">{user?.guest ? 'Keep your history: sign up' : 'Sign up'}</Link>
                <Link to="/login">Log in</Link>
              </>
            )}
          </>
        )}
      </div>
    </nav>
  );
}
