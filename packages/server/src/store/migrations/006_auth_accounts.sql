-- Accounts (issue 12): email + password users on the guests' rows, sessions with rotating
-- refresh tokens, single-use email tokens, a mail outbox, roles, invites and signup settings.

-- `email` holds a verified address (unique); `pending_email` the one given at signup or upgrade
-- until its link is followed, so signing up never tells whether an address is taken.
ALTER TABLE users ADD COLUMN username text;
ALTER TABLE users ADD COLUMN pending_email text;
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'player'
  CHECK (role IN ('player', 'creator', 'moderator', 'admin'));
ALTER TABLE users ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}';
-- When a guest became an account (or an account was made): metered signups count these.
ALTER TABLE users ADD COLUMN registered_at timestamptz;
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
-- Failed logins in a row and the lockout they earned (backoff doubles per failure past the limit).
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE INDEX users_pending_email ON users (pending_email) WHERE pending_email IS NOT NULL;
CREATE INDEX users_registered ON users (registered_at) WHERE registered_at IS NOT NULL;

-- A sign-in on one device: every refresh token it was ever given belongs to it (its family).
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  user_agent text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  -- logout | logout_all | revoked | refresh_reuse | password_changed | password_reset | deleted
  revoke_reason text
);
CREATE INDEX sessions_user ON sessions (user_id);

ALTER TABLE refresh_tokens ADD COLUMN session_id text REFERENCES sessions (id);
-- Refresh tokens issued before sessions existed: one session each, so they keep working.
INSERT INTO sessions (id, user_id, user_agent)
  SELECT 'sl_' || substr(token_hash, 1, 24), user_id, 'earlier sign-in' FROM refresh_tokens;
UPDATE refresh_tokens SET session_id = 'sl_' || substr(token_hash, 1, 24);
ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL;
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Email verification and password reset links: stored hashed, single use, expiring.
CREATE TABLE email_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('verify', 'reset')),
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);

-- Mail waits here until the sender delivers it (SMTP, or the dev mailbox).
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  -- smtp | dev
  delivered_by text,
  last_error text
);
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Invite codes (stored hashed) for invite-only signups.
CREATE TABLE invite_codes (
  code_hash text PRIMARY KEY,
  created_by text NOT NULL REFERENCES users (id),
  uses_left integer NOT NULL CHECK (uses_left >= 0),
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Settings an admin changes at run time (signup mode and so on); env values are the defaults.
CREATE TABLE server_settings (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
