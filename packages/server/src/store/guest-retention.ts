import type { Database } from './database.ts';
import { unreferencedUser } from './user-references.ts';

/**
 * Where the guest sweep stands: the last guest (by creation, then id) it looked at, or null to
 * start from the oldest. Guests who played are kept for good (their matches are history), so
 * they pile up at the head of the candidates; each sweep goes on after the last one instead of
 * reading them all again, and starts over once it reaches the end.
 */
export interface GuestScan {
  after: { createdAt: string; id: string } | null;
}

/** A guest, never registered, made before `$1`: what the sweep looks at. */
const CANDIDATE = 'u.guest AND u.registered_at IS NULL AND u.created_at < $1';

/**
 * Deletes guests (never registered) made before `createdBefore` that nothing names any more:
 * no session left (so no one can act as them), no match seat or hosting, content, chat, report,
 * rating or any other row (user-references.ts). Each batch looks at the next `rows` candidates
 * only, by index, and deletes those unused that no one else holds locked, so neither a batch's
 * reads nor its locks grow with the guests kept. At most `batches` batches.
 */
export async function purgeGuests(
  db: Database,
  createdBefore: string,
  rows: number,
  batches: number,
  scan: GuestScan,
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < batches; i++) {
    const after = scan.after;
    // The creation time as text: a JavaScript Date would drop its microseconds, and a cursor
    // a little early reads the same rows again (forever, for a batch made in one instant).
    const window = await db.query<{ id: string; created_at: string }>(
      `SELECT u.id, u.created_at::text AS created_at FROM users u WHERE ${CANDIDATE}
       ${after ? 'AND (u.created_at, u.id) > ($2::timestamptz, $3)' : ''}
       ORDER BY u.created_at, u.id LIMIT ${rows}`,
      after ? [createdBefore, after.createdAt, after.id] : [createdBefore],
    );
    if (window.length > 0) {
      const gone = await db.query(
        `DELETE FROM users WHERE id IN (
           SELECT u.id FROM users u WHERE u.id = ANY($2::text[]) AND ${CANDIDATE}
             AND ${unreferencedUser('u.id')}
           FOR UPDATE SKIP LOCKED)
         RETURNING 1 AS gone`,
        [createdBefore, window.map((row) => row.id)],
      );
      deleted += gone.length;
    }
    const last = window.at(-1);
    // A short window is the end: the next sweep starts over from the oldest.
    scan.after = window.length < rows || !last ? null : { createdAt: last.created_at, id: last.id };
    if (scan.after === null) break;
  }
  return deleted;
}
