-- Chat (issue 14 item 7): kept apart from the match log, which stays the pure record of play.
-- room: 'match:<matchId>' or 'lobby:<game>'; channel: 'players' | 'spectators' | 'lobby'.
CREATE TABLE chat_messages (
  id bigserial PRIMARY KEY,
  room text NOT NULL,
  channel text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  user_name text NOT NULL,
  seat integer,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- History is read newest first per channel, and each channel is pruned to its newest rows.
CREATE INDEX chat_messages_by_channel ON chat_messages (room, channel, id DESC);

-- Whom a signed-in user muted (guests keep theirs in the browser).
CREATE TABLE chat_mutes (
  user_id text NOT NULL REFERENCES users (id),
  muted_user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, muted_user_id)
);

-- Reports keep their own copy of the message, so pruning a channel never loses what was reported.
CREATE TABLE chat_reports (
  id bigserial PRIMARY KEY,
  message_id bigint NOT NULL,
  room text NOT NULL,
  channel text NOT NULL,
  body text NOT NULL,
  message_at timestamptz NOT NULL,
  reporter_id text NOT NULL REFERENCES users (id),
  reported_user_id text NOT NULL REFERENCES users (id),
  reported_name text NOT NULL,
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text REFERENCES users (id),
  resolution text CHECK (resolution IN ('dismissed', 'actioned')),
  note text NOT NULL DEFAULT '',
  UNIQUE (message_id, reporter_id)
);
CREATE INDEX chat_reports_open ON chat_reports (created_at) WHERE resolved_at IS NULL;
