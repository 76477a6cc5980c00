-- Idempotency per seat and per source: a seat's action ids only ever collide with that seat's
-- own, and the server's moves (CPU, timeout rule) live in an id space no client can claim.
ALTER TABLE match_actions
  ADD COLUMN source text NOT NULL DEFAULT 'client' CHECK (source IN ('client', 'server'));
-- Moves recorded before this migration: the server's ids had this shape (a client could have
-- sent one too; such a row only ever loses its retry answer).
UPDATE match_actions SET source = 'server'
  WHERE action_id ~ '^(cpu|timeout)-[0-9]+-[0-9]+(-fallback)?$';
ALTER TABLE match_actions DROP CONSTRAINT match_actions_pkey;
ALTER TABLE match_actions ADD PRIMARY KEY (match_id, seat, source, action_id);
