-- A match's version is the latest version in its log (event-store.ts, MATCH_RECORD), read through
-- the log's own keys. Moving a `matches.version` column with every resolution was an update of
-- the whole, wide match row per action: about a third of what an append cost the database.
ALTER TABLE matches DROP COLUMN IF EXISTS version;
