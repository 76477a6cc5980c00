-- The log's rows are written only by the batched append (event-store.ts), by the actor of a
-- match loaded from `matches`, in the statement that moves that match's version; matches are
-- never deleted. The foreign keys checked every event and action row again, each with a lock
-- on its match's row: about a third of what an append cost the database.
ALTER TABLE match_events DROP CONSTRAINT IF EXISTS match_events_match_id_fkey;
ALTER TABLE match_actions DROP CONSTRAINT IF EXISTS match_actions_match_id_fkey;
