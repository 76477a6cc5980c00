import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ChatApi, matchOfRoom, type ChatReportView, type ReportedTable } from '@cardtable/sdk';
import { useSession } from '../account/useSession.ts';
import { seatName } from '../game/names.ts';
import { CopyField } from '../live/CopyField.tsx';
import { tablePath } from '../net/last-match.ts';
import { client } from '../net/session.ts';
import { useGameNames } from '../social/useGameNames.ts';
import '../chat/chat.css';

const chatApi = new ChatApi(client.api);

/** The silences a report's author may be given from the page. */
const SILENCES = [
  { hours: 24, label: '24 hours' },
  { hours: 24 * 7, label: '7 days' },
] as const;
type Silence = (typeof SILENCES)[number];

/**
 * Moderators and admins: reported chat messages, to dismiss, mark as dealt with, or deal with by
 * silencing their author in chat for a while (and lift a silence early).
 */
export default function ModerationPage() {
  const session = useSession();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [reports, setReports] = useState<ChatReportView[] | null>(null);
  const [tables, setTables] = useState<Tables>(new Map());
  const [error, setError] = useState<string | null>(null);
  // What the last action did: the report leaves the list, so the page says so, and the focus
  // (on a button that is gone) moves to the words, the next report's buttons a Tab away.
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const load = useCallback(async () => {
    const result = await chatApi.reports({ status });
    if (result.ok) {
      setReports(result.value.reports);
      setTables(new Map(result.value.tables.map((table) => [table.matchId, table])));
      setError(null);
    } else setError(result.error.message);
  }, [status]);

  useEffect(() => {
    if (session) void load();
  }, [session, load]);

  const resolve = async (
    report: ChatReportView,
    outcome: 'dismissed' | 'actioned',
    silence?: Silence,
  ) => {
    const result = await chatApi.resolveReport(
      report.id,
      silence
        ? { outcome, silenceHours: silence.hours, note: `silenced in chat for ${silence.label}` }
        : { outcome },
    );
    if (!result.ok) return setError(result.error.message);
    await load();
    const who = report.reported.name;
    setDone(
      silence
        ? `${who} is silenced in chat for ${silence.label}; the report is resolved.`
        : outcome === 'dismissed'
          ? `The report on ${who}'s message is dismissed.`
          : `The report on ${who}'s message is marked as dealt with.`,
    );
  };
  const lift = async (report: ChatReportView) => {
    const result = await chatApi.liftSilence(report.reported.id);
    if (!result.ok) return setError(result.error.message);
    await load();
    setDone(`${report.reported.name} may chat again.`);
  };

  return (
    <main className="page narrow" data-testid="moderation">
      <h1>Reported chat messages</h1>
      <p>
        <label>
          Show{' '}
          <select
            value={status}
            data-testid="report-status"
            onChange={(event) => {
              setDone(null);
              setStatus(event.target.value as 'open' | 'resolved');
            }}
          >
            <option value="open">Open reports</option>
            <option value="resolved">Resolved reports</option>
          </select>
        </label>
      </p>
      {session === null ? (
        // Nothing loads without a session: the page said nothing at all.
        <p className="notice" data-testid="moderation-signed-out">
          Reports are for moderators: <Link to="/login">log in</Link> to see them.
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="moderation-error">
          {error} <Link to="/login">Log in</Link> as a moderator.
        </p>
      ) : null}
      {done ? (
        <p
          className="notice"
          role="status"
          tabIndex={-1}
          ref={doneRef}
          data-testid="moderation-done"
        >
          {done}
        </p>
      ) : null}
      {reports && reports.length === 0 ? <p>Nothing to look at.</p> : null}
      <ul className="moderation-list" aria-label="Reports">
        {(reports ?? []).map((report) => (
          <li key={report.id} className="moderation-report" data-testid="report">
            <p>
              <strong>{report.reported.name}</strong> wrote {where(report)},{' '}
              {new Date(report.messageAt).toLocaleString()}:
            </p>
            <blockquote data-testid="report-text">{report.text}</blockquote>
            <ReportTable report={report} tables={tables} />
            <p>
              Reported by {report.reporter.name}
              {report.reason ? `: “${report.reason}”` : ''}
            </p>
            {report.reported.silencedUntil ? (
              <p data-testid="report-silenced">
                {report.reported.name} is silenced in chat until{' '}
                {new Date(report.reported.silencedUntil).toLocaleString()}.{' '}
                <button type="button" onClick={() => void lift(report)}>
                  Lift the silence
                </button>
              </p>
            ) : null}
            {report.resolution ? (
              <p data-testid="report-resolution">
                {report.resolution.outcome === 'actioned' ? 'Dealt with' : 'Dismissed'} by{' '}
                {report.resolution.by}
                {report.resolution.note ? `: ${report.resolution.note}` : ''}
              </p>
            ) : (
              <p className="actions">
                <button
                  type="button"
                  data-testid="report-dismiss"
                  onClick={() => void resolve(report, 'dismissed')}
                >
                  Dismiss
                </button>
                <button
                  type="button"
                  className="primary"
                  data-testid="report-action"
                  onClick={() => void resolve(report, 'actioned')}
                >
                  Dealt with
                </button>
                {SILENCES.map((silence) => (
                  <button
                    key={silence.hours}
                    type="button"
                    onClick={() => void resolve(report, 'actioned', silence)}
                  >
                    Silence {report.reported.name} for {silence.label}
                  </button>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The match a report's room is the table chat of; null for a game's lobby. */
const tableOf = (report: ChatReportView): string | null => matchOfRoom(report.room);

/** The tables the listed reports were written at, by match id (they come with the list). */
type Tables = ReadonlyMap<string, ReportedTable>;

const andList = new Intl.ListFormat('en', { type: 'conjunction' });

/** Where a reported message was written: a game's lobby, or a channel of a table. */
const where = (report: ChatReportView): string =>
  tableOf(report) === null
    ? `in the ${report.room.slice(report.room.indexOf(':') + 1)} lobby`
    : `in the ${report.channel}' channel of a table`;

/**
 * A reported table as a moderator knows it: its game, who sat there and when it started (unless
 * the match is gone); its match id at hand to copy (for logs, an export) and a way to it.
 */
function ReportTable({ report, tables }: { report: ChatReportView; tables: Tables }) {
  const gameName = useGameNames();
  const matchId = tableOf(report);
  if (matchId === null) return null;
  const table = tables.get(matchId);
  return (
    <div className="report-table">
      {table ? (
        <p data-testid="report-table">
          The table: {table.contentName ?? gameName(table.game)} with{' '}
          {andList.format(table.seats.map((seat) => seatName(table.seats, seat.seat)))}, started{' '}
          {new Date(table.createdAt).toLocaleString()}.{' '}
          <Link to={tablePath(matchId, table.game)} data-testid="report-open-table">
            Open the table
          </Link>
        </p>
      ) : null}
      <CopyField label="Match id" value={matchId} testId="report-match-id" />
    </div>
  );
}
