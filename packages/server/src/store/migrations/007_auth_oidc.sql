-- Sign-in with OAuth 2.0 / OpenID Connect providers (issue 12 item 8).

-- An account's identity at a provider: one (provider, subject) belongs to one user.
CREATE TABLE user_identities (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  email text,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject),
  UNIQUE (user_id, provider)
);

-- A sign-in under way: the state's hash, its PKCE verifier and nonce; single use, short-lived.
-- `link_user_id` set: the flow links the provider to that account instead of signing in.
CREATE TABLE oidc_flows (
  state_hash text PRIMARY KEY,
  provider text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  link_user_id text REFERENCES users (id),
  expires_at timestamptz NOT NULL
);

-- The one-time code the web app trades for tokens after a provider sent the browser back.
CREATE TABLE oidc_handoffs (
  code_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL
);
