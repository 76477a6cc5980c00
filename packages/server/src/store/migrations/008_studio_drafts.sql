-- The studio autosaves drafts: each save bumps the revision, and a save edited from an older
-- revision is refused (optimistic concurrency between two tabs or devices).
ALTER TABLE content_games ADD COLUMN draft_revision integer NOT NULL DEFAULT 0;
