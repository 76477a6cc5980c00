-- Also the index of mails by recipient (auth/mail.ts).
-- What the retention sweep (src/store/retention.ts) looks for, found by index so that each of its
-- bounded batches reads only the rows it deletes.
CREATE INDEX IF NOT EXISTS refresh_tokens_expiry ON refresh_tokens (expires_at);
CREATE INDEX IF NOT EXISTS sessions_ended ON sessions (coalesce(revoked_at, last_seen_at));
CREATE INDEX IF NOT EXISTS email_tokens_expiry ON email_tokens (expires_at);
CREATE INDEX IF NOT EXISTS mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_flows_expiry ON oidc_flows (expires_at);
CREATE INDEX IF NOT EXISTS oidc_handoffs_expiry ON oidc_handoffs (expires_at);
CREATE INDEX IF NOT EXISTS match_content_playtests ON match_content (game_id, content_hash)
  WHERE version IS NULL;
CREATE INDEX IF NOT EXISTS content_snapshots_created ON content_snapshots (created_at);
-- The mails one address was sent in the last hour (auth/mail.ts, MAILS_PER_RECIPIENT_PER_HOUR).
CREATE INDEX IF NOT EXISTS mail_outbox_recipient ON mail_outbox (to_address, created_at);
