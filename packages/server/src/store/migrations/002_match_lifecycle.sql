-- Quotas and lifecycle: who created a match from where, and when someone last watched it.
-- The address a match was created from, for per-address quotas (null: created before this).
ALTER TABLE matches ADD COLUMN creator_ip text;
-- The last time someone was known to be connected to the match (its creation until then). A
-- started match nobody has watched for ABANDON_AFTER_MS is ended as abandoned, loaded or not.
ALTER TABLE matches ADD COLUMN seen_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX matches_host_created ON matches (host_user_id, created_at);
CREATE INDEX matches_ip_created ON matches (creator_ip, created_at);
CREATE INDEX matches_host_unfinished ON matches (host_user_id) WHERE status <> 'over';
CREATE INDEX matches_ip_unfinished ON matches (creator_ip) WHERE status <> 'over';
