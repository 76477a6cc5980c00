-- Ratings, stats and achievements: a projection of finished matches (src/social).
-- A rated match (the rated queue, or a host's choice) counts for ratings when its rules do.
ALTER TABLE matches ADD COLUMN rated boolean NOT NULL DEFAULT false;
-- The order the projection folds finished matches in, given once by the projector (under the
-- checkpoint's lock), so a rebuild from zero folds them in the same order.
ALTER TABLE matches ADD COLUMN feed_position integer UNIQUE;
CREATE INDEX matches_unfed ON matches (ended_at, id)
  WHERE status = 'over' AND feed_position IS NULL;

-- How far each projection has folded the feed; its row lock makes one projector run at a time.
CREATE TABLE projection_checkpoints (
  name text PRIMARY KEY,
  position integer NOT NULL
);
INSERT INTO projection_checkpoints (name, position) VALUES ('social', 0);

-- Glicko-2 per player, game and version (the Glicko scale).
CREATE TABLE player_ratings (
  game text NOT NULL,
  version text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  rating double precision NOT NULL,
  rd double precision NOT NULL,
  volatility double precision NOT NULL,
  games integer NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (game, version, user_id)
);
-- Leaderboards: rating first, ties by user id.
CREATE INDEX player_ratings_board ON player_ratings (game, version, rating DESC, user_id);

-- Every rated match's result per player, for the rating chart.
CREATE TABLE rating_history (
  user_id text NOT NULL REFERENCES users (id),
  game text NOT NULL,
  version text NOT NULL,
  position integer NOT NULL,
  match_id text NOT NULL REFERENCES matches (id),
  rating double precision NOT NULL,
  rd double precision NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (user_id, game, version, position)
);

-- Per player and game: {games, wins, streaks, golf: {...}, tcg: {...}} (src/social/stats.ts).
CREATE TABLE player_stats (
  user_id text NOT NULL REFERENCES users (id),
  game text NOT NULL,
  stats jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, game)
);

-- Achievements (src/social/achievements.ts), once each, dated by the match that earned them.
CREATE TABLE player_achievements (
  user_id text NOT NULL REFERENCES users (id),
  achievement text NOT NULL,
  match_id text NOT NULL REFERENCES matches (id),
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, achievement)
);
