-- Rematches: the match a finished match's players agreed to play next (null: none yet).
ALTER TABLE matches ADD COLUMN rematch_id text;
