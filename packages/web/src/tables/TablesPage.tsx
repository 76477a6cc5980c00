import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { OpenTable, OpenTableList } from '@cardtable/sdk';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { client, ensureBrowsing, ensureSignedIn } from '../net/session.ts';

const PAGE = 20;
/** How often the list is asked again while the page is shown. */
const REFRESH_MS = 3000;

/**
 * `/tables/:game` (`?version=`): the open tables of a game, newest first, refreshed every few
 * seconds while the page is visible; one click joins a table and goes to it.
 */
export default function TablesPage() {
  const { game = 'golf' } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version') ?? undefined;
  const navigate = useNavigate();
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [list, setList] = useState<OpenTableList | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Apart from the list's error: the refresh that follows a refused join must not wipe it out.
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const after = pages.at(-1);

  /** Asks for the list; false once asking again is pointless. */
  const load = useCallback(async (): Promise<boolean> => {
    const signedIn = await ensureBrowsing();
    if (!signedIn.ok) {
      setError(signedIn.error.message);
      return true;
    }
    const result = await client.api.openTables({
      game,
      limit: PAGE,
      ...(version ? { version } : {}),
      ...(after ? { after } : {}),
    });
    if (!result.ok) {
      setError(result.error.message);
      // No such game: asking again every few seconds cannot change that.
      return result.error.code !== 'NOT_FOUND';
    }
    setError(null);
    setList(result.value);
    return true;
  }, [game, version, after]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    void load().then((again) => {
      if (!again) clearInterval(timer);
    });
    return () => clearInterval(timer);
  }, [load]);

  const join = async (table: OpenTable) => {
    setJoining(table.matchId);
    setJoinError(null);
    const signedIn = await ensureSignedIn();
    const joined = signedIn.ok ? await client.api.joinTable(table.matchId) : signedIn;
    setJoining(null);
    if (!joined.ok) {
      setJoinError(joined.error.message);
      return void load();
    }
    const path = tablePath(joined.value.matchId, table.game);
    rememberMatch({ matchId: joined.value.matchId, seat: joined.value.seat, code: null, path });
    void navigate(path);
  };

  // Built-in games have no published title: their name, capitalised.
  const title = list?.tables[0]?.title ?? game.charAt(0).toUpperCase() + game.slice(1);
  return (
    <main className="page tables">
      <header className="panel">
        <h1>Open tables: {title}</h1>
        <p className="muted">
          <Link to="/">Home</Link> · Public tables waiting for players
          {version ? ` (version ${version})` : ''}. Join one with a click, or{' '}
          <Link to={`/?game=${encodeURIComponent(game)}`} data-testid="open-a-table">
            set up your own
          </Link>{' '}
          and tick “Public table”.
        </p>
      </header>
      <div className="lobby-layout">
        <section className="panel" aria-labelledby="tables-title" aria-live="polite">
          <h2 id="tables-title">Waiting for players</h2>
          {(joinError ?? error) ? (
            <p className="notice notice-error" role="alert" data-testid="tables-error">
              {joinError ?? error}
            </p>
          ) : null}
          {!list ? (
            error ? null : (
              <p className="muted">Loading the tables…</p>
            )
          ) : list.tables.length === 0 ? (
            <p className="muted" data-testid="tables-empty">
              No open table right now. Set one up and others will find it here.
            </p>
          ) : (
            <ul className="open-tables" data-testid="open-tables">
              {list.tables.map((table) => (
                <TableRow
                  key={table.matchId}
                  table={table}
                  busy={joining !== null}
                  onJoin={() => void join(table)}
                />
              ))}
            </ul>
          )}
          <p className="lobby-actions">
            {pages.length > 1 ? (
              <button type="button" onClick={() => setPages((p) => p.slice(0, -1))}>
                Newer tables
              </button>
            ) : null}
            {list?.next ? (
              <button type="button" onClick={() => setPages((p) => [...p, list.next as string])}>
                Older tables
              </button>
            ) : null}
          </p>
        </section>
        {list ? <ChatPanel room={`lobby:${game}`} title="Lobby chat" /> : null}
      </div>
    </main>
  );
}

function TableRow({ table, busy, onJoin }: { table: OpenTable; busy: boolean; onJoin(): void }) {
  const taken = table.seats - table.free;
  return (
    <li className="open-table" data-testid={`open-table-${table.matchId}`}>
      <div>
        <strong>{table.host}’s table</strong>{' '}
        <span className={`seat-tag ${table.rated ? 'rated' : ''}`}>
          {table.rated ? 'rated' : 'casual'}
        </span>
        <p className="seat-pips" aria-label={`${taken} of ${table.seats} seats taken`}>
          {Array.from({ length: table.seats }, (_, i) => (
            <span key={i} className={i < taken ? 'pip taken' : 'pip free'} aria-hidden="true" />
          ))}{' '}
          <span className="muted">
            {taken} of {table.seats} seated: {table.players.join(', ')}
          </span>
        </p>
        <p className="muted">
          {table.rules.length > 0 ? table.rules.join(' · ') : 'Standard rules'}
          {table.turnTimeLimitMs ? ` · ${Math.round(table.turnTimeLimitMs / 1000)} s a turn` : ''}
          {table.approveJoins ? ' · the host approves who joins' : ''}
        </p>
      </div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={onJoin}
        data-testid={`join-table-${table.matchId}`}
      >
        Join {table.host}’s table
      </button>
    </li>
  );
}
