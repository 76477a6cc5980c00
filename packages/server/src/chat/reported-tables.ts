import { matchOfRoom, type ChatReportView, type ReportedTable } from '@cardtable/sdk/chat';
import type { ContentStore } from '../content/store.ts';
import { publicSeatsOf } from '../match/match-record.ts';
import type { EventStore } from '../store/event-store.ts';

/**
 * The tables these reports were written at, each once, read in two queries whatever their
 * number (the report list is bounded, so is this): the moderation queue names every table
 * without a request per report. Read from the store, never by loading a match into memory.
 */
export async function reportedTables(
  reports: readonly ChatReportView[],
  stores: { matches: EventStore; content: ContentStore },
): Promise<ReportedTable[]> {
  const ids = [...new Set(reports.map((report) => matchOfRoom(report.room)))].filter(
    (id): id is string => id !== null,
  );
  if (ids.length === 0) return [];
  const [records, contents] = await Promise.all([
    stores.matches.getMatches(ids),
    stores.content.matchContents(ids),
  ]);
  return records.map((record) => ({
    matchId: record.id,
    game: record.game,
    contentName: contents.get(record.id)?.name ?? null,
    seats: publicSeatsOf(record.seats),
    createdAt: record.createdAt,
  }));
}
