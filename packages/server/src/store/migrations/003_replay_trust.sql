-- Replay imports: what each costs its importer (quotas), why one is unverified, and a content
-- hash so importing the same file again returns the stored one instead of a copy.
ALTER TABLE replays ADD COLUMN bytes integer NOT NULL DEFAULT 0;
ALTER TABLE replays ADD COLUMN problem text;
ALTER TABLE replays ADD COLUMN content_hash text;
CREATE INDEX replays_imported_by ON replays (imported_by);
CREATE UNIQUE INDEX replays_by_content ON replays (imported_by, content_hash);
-- "Verified" used to mean only that a file with a seed re-executed; it now also means the file
-- is this server's record of the match. Earlier imports were not checked that way.
UPDATE replays SET verified = false, problem = 'Imported before replays were checked against this server''s record.';
