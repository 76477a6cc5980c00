-- Playtests: a draft frozen at one revision, immutable and content-addressed (like a published
-- version), so a playtest match, its export and its replay keep exactly the content it started
-- with while the draft goes on changing. The slug and name are kept as they were, so a playtest
-- still plays (and verifies) after its draft is renamed or deleted.
CREATE TABLE content_snapshots (
  game_id text NOT NULL,
  content_hash text NOT NULL,
  slug text NOT NULL,
  name text NOT NULL,
  draft_revision integer NOT NULL,
  files jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (game_id, content_hash)
);
CREATE INDEX content_snapshots_hash ON content_snapshots (content_hash);

-- A playtest match pins a snapshot (by its game and hash) instead of a published version.
ALTER TABLE match_content ALTER COLUMN version DROP NOT NULL;

-- Positions saved from a playtest, for the studio's dry runs of Lua abilities.
CREATE TABLE draft_positions (
  game_id text NOT NULL REFERENCES content_games (id) ON DELETE CASCADE,
  name text NOT NULL,
  match_id text NOT NULL,
  content_hash text NOT NULL,
  state jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (game_id, name)
);
