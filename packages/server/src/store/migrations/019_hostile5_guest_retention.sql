-- Guests no longer in use are deleted by the retention sweep (src/store/retention.ts): the
-- candidates, oldest first, and an index leading with each column that names a user
-- (src/store/user-references.ts) that had none, so asking whether one is named is a probe.
CREATE INDEX IF NOT EXISTS users_unregistered_guests ON users (created_at, id)
  WHERE guest AND registered_at IS NULL;
CREATE INDEX IF NOT EXISTS oidc_flows_link_user ON oidc_flows (link_user_id);
CREATE INDEX IF NOT EXISTS oidc_handoffs_user ON oidc_handoffs (user_id);
CREATE INDEX IF NOT EXISTS invite_codes_created_by ON invite_codes (created_by);
CREATE INDEX IF NOT EXISTS content_versions_published_by ON content_versions (published_by);
CREATE INDEX IF NOT EXISTS player_ratings_user ON player_ratings (user_id);
CREATE INDEX IF NOT EXISTS chat_messages_user ON chat_messages (user_id);
CREATE INDEX IF NOT EXISTS chat_mutes_muted ON chat_mutes (muted_user_id);
CREATE INDEX IF NOT EXISTS chat_reports_reporter ON chat_reports (reporter_id);
CREATE INDEX IF NOT EXISTS chat_reports_reported ON chat_reports (reported_user_id);
CREATE INDEX IF NOT EXISTS chat_reports_resolved_by ON chat_reports (resolved_by);
-- Matches that turned someone away: few, and found by who.
CREATE INDEX IF NOT EXISTS matches_barred ON matches USING gin (barred_user_ids)
  WHERE barred_user_ids <> '[]'::jsonb;
