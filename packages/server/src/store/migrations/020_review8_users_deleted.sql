-- Accounts by when they were deleted: each node's lifecycle sweep asks for those deleted since
-- its last sweep (src/match/lifecycle.ts), a probe that reads only them. Few accounts are
-- deleted, so the index holds only those.
CREATE INDEX IF NOT EXISTS users_deleted ON users (deleted_at) WHERE deleted_at IS NOT NULL;
