-- Open tables (issue 14): a waiting match its host listed publicly, found in the lobby list.
ALTER TABLE matches ADD COLUMN listed boolean NOT NULL DEFAULT false;
CREATE INDEX matches_open_tables ON matches (game, created_at DESC, id)
  WHERE status = 'waiting' AND listed;

-- Glicko-2 rating periods: the last period (UTC day since the epoch) a player was rated in, so
-- their RD grows with the periods they sat out. The fold changed, so the projection folds again
-- from zero (its feed order stays).
DELETE FROM player_achievements;
DELETE FROM player_stats;
DELETE FROM rating_history;
DELETE FROM player_ratings;
UPDATE projection_checkpoints SET position = 0 WHERE name = 'social';
ALTER TABLE player_ratings ADD COLUMN last_period integer NOT NULL;
