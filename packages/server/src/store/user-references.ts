/**
 * Every column that names a user by a foreign key to `users`, as `[table, column]`: a user one
 * of them names is in use and its row must stay. Each has an index that leads with it (migration
 * 019 adds those that had none), so asking whether a user is named costs one probe each.
 * retention.test.ts checks this list against the database's foreign keys, so a migration that
 * adds one cannot be forgotten here.
 */
export const USER_REFERENCES = [
  ['sessions', 'user_id'],
  ['refresh_tokens', 'user_id'],
  ['email_tokens', 'user_id'],
  ['user_identities', 'user_id'],
  ['oidc_flows', 'link_user_id'],
  ['oidc_handoffs', 'user_id'],
  ['invite_codes', 'created_by'],
  ['matches', 'host_user_id'],
  ['match_players', 'user_id'],
  ['replays', 'imported_by'],
  ['content_games', 'owner_id'],
  ['content_versions', 'published_by'],
  ['content_art_uploads', 'user_id'],
  ['player_ratings', 'user_id'],
  ['rating_history', 'user_id'],
  ['player_stats', 'user_id'],
  ['player_achievements', 'user_id'],
  ['chat_messages', 'user_id'],
  ['chat_mutes', 'user_id'],
  ['chat_mutes', 'muted_user_id'],
  ['chat_reports', 'reporter_id'],
  ['chat_reports', 'reported_user_id'],
  ['chat_reports', 'resolved_by'],
] as const satisfies readonly (readonly [table: string, column: string])[];

/**
 * SQL true when the user whose id is `idColumn` is named nowhere: by no foreign key above, nor
 * in a match's `barred_user_ids` (a list, so no foreign key; a guest the host turned away is
 * still part of that match's story).
 */
export function unreferencedUser(idColumn: string): string {
  const named = USER_REFERENCES.map(
    ([table, column]) => `NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.${column} = ${idColumn})`,
  );
  named.push(
    `NOT EXISTS (SELECT 1 FROM matches b
       WHERE b.barred_user_ids <> '[]'::jsonb AND b.barred_user_ids ? ${idColumn})`,
  );
  return named.join('\n AND ');
}
