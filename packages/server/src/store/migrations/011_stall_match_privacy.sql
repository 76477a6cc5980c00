-- Match-level authorization: who may export a finished match, and who the host turned away.
-- 'private' (the default, also for matches created before this): only the match's players;
-- 'link': also anyone who presents replay_link, an unguessable token the host shares.
ALTER TABLE matches ADD COLUMN replay_privacy text NOT NULL DEFAULT 'private'
  CHECK (replay_privacy IN ('private', 'link'));
ALTER TABLE matches ADD COLUMN replay_link text;
-- Users the host removed before the start: their room-code joins are refused.
ALTER TABLE matches ADD COLUMN barred_user_ids jsonb NOT NULL DEFAULT '[]'::jsonb;
-- Whether joins wait for the host's approval (a pending seat is held but does not start the match).
ALTER TABLE matches ADD COLUMN approve_joins boolean NOT NULL DEFAULT false;
