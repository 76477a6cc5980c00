-- Creators' games: a draft each, and immutable, content-addressed published versions.
CREATE TABLE content_games (
  id text PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT 'tcg',
  owner_id text NOT NULL REFERENCES users (id),
  -- {path: utf-8 text | {sha256, type, size}} (images live in the art store, by hash)
  draft jsonb NOT NULL DEFAULT '{}',
  draft_updated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_games_owner ON content_games (owner_id);

CREATE TABLE content_versions (
  game_id text NOT NULL REFERENCES content_games (id),
  version integer NOT NULL CHECK (version >= 1),
  -- sha256 of the canonical package: what a match and its export pin.
  content_hash text NOT NULL,
  files jsonb NOT NULL,
  -- [{id, name}] of the version's decks, for game lists.
  decks jsonb NOT NULL DEFAULT '[]',
  published_by text NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  -- New matches skip deprecated versions and refuse banned cards; live matches keep theirs.
  deprecated boolean NOT NULL DEFAULT false,
  banlist jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (game_id, version)
);
CREATE INDEX content_versions_hash ON content_versions (content_hash);

-- The exact content version a match plays, for its whole life.
CREATE TABLE match_content (
  match_id text PRIMARY KEY REFERENCES matches (id),
  game_id text NOT NULL,
  version integer NOT NULL,
  content_hash text NOT NULL,
  FOREIGN KEY (game_id, version) REFERENCES content_versions (game_id, version)
);
CREATE INDEX match_content_game ON match_content (game_id);
