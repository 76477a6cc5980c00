-- Users and their refresh tokens. Guests today; email/password accounts fill the spare columns.
CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL,
  guest boolean NOT NULL,
  email text UNIQUE,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL,
  -- Set when the token is traded in; a second use of a used token is refused.
  used_at timestamptz
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Server-wide secrets (the access token key when TOKEN_SECRET is not set).
CREATE TABLE server_keys (
  name text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE matches (
  id text PRIMARY KEY,
  game text NOT NULL,
  ruleset_version text NOT NULL,
  engine_version text NOT NULL,
  options jsonb NOT NULL,
  -- [{kind, profile?, name?, userId?, left?, surrendered?}]
  seats jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'active', 'over')),
  seed text NOT NULL,
  code text NOT NULL UNIQUE,
  host_user_id text NOT NULL REFERENCES users (id),
  turn_time_limit_ms integer,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  result jsonb
);
CREATE INDEX matches_unfinished ON matches (status) WHERE status <> 'over';

-- Which users hold which seats, for "my matches".
CREATE TABLE match_players (
  match_id text NOT NULL REFERENCES matches (id),
  seat integer NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  PRIMARY KEY (match_id, seat)
);
CREATE INDEX match_players_user ON match_players (user_id);

-- The log. Unprojected; the unique key makes two writers of one match impossible.
CREATE TABLE match_events (
  match_id text NOT NULL REFERENCES matches (id),
  version integer NOT NULL,
  step integer NOT NULL,
  resolution_id text NOT NULL,
  type text NOT NULL,
  data jsonb,
  requires_ack boolean NOT NULL,
  ts timestamptz NOT NULL,
  PRIMARY KEY (match_id, version, step)
);

CREATE TABLE match_snapshots (
  match_id text NOT NULL REFERENCES matches (id),
  version integer NOT NULL,
  state jsonb NOT NULL,
  PRIMARY KEY (match_id, version)
);

-- Accepted actions: idempotency by actionId, and the `actions` list a replay re-executes.
CREATE TABLE match_actions (
  match_id text NOT NULL REFERENCES matches (id),
  action_id text NOT NULL,
  seat integer NOT NULL,
  version integer NOT NULL,
  type text NOT NULL,
  payload jsonb,
  result jsonb NOT NULL,
  PRIMARY KEY (match_id, action_id),
  UNIQUE (match_id, version)
);

CREATE TABLE replays (
  id text PRIMARY KEY,
  file jsonb NOT NULL,
  verified boolean NOT NULL,
  imported_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
