import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MatchHistory, PlayerProfile, RatingHistory } from '@cardtable/sdk';
import { client, ensureBrowsing } from '../net/session.ts';
import { StatsTable } from './StatsTable.tsx';
import { useGameNames } from './useGameNames.ts';

// uPlot is only needed here: it comes in its own chunk.
const RatingChart = lazy(() => import('./RatingChart.tsx'));

type Loaded<T> = { value: T | null; error: string | null };

/**
 * A match is counted in ratings and stats a second or so after it ends: a profile opened
 * straight after one asks again every 2 s while the server says some are still being counted,
 * for up to a minute.
 */
const COUNTING_RETRY_MS = 2_000;
const COUNTING_RETRIES = 30;

/** A rating's chart, by the game and version it rates. */
const chartKey = (r: { game: string; version: string }) => `${r.game}/${r.version}`;

/**
 * What the page holds for one player, so asking again fetches only what is missing or may have
 * changed: the match history once (it lists matches as they end, counted or not), and a rating's
 * chart again only when the rating counts more matches than the chart was drawn from.
 */
interface Fetched {
  userId: string;
  history: boolean;
  /** Matches each chart was drawn from, by `game/version`. */
  charts: Map<string, number>;
}

/** A player's page (`/players/:userId`, or `/me`): ratings with charts, stats, achievements, matches. */
export default function ProfilePage() {
  const params = useParams();
  const [userId, setUserId] = useState<string | null>(params.userId ?? null);
  const [profile, setProfile] = useState<Loaded<PlayerProfile>>({ value: null, error: null });
  const [charts, setCharts] = useState<Record<string, RatingHistory>>({});
  const [history, setHistory] = useState<MatchHistory | null>(null);
  const [more, setMore] = useState(false);
  /** Asked again while finished matches are still being counted (see `COUNTING_RETRIES`). */
  const [asked, setAsked] = useState(0);
  const fetched = useRef<Fetched | null>(null);
  const gameName = useGameNames();

  useEffect(() => {
    let stale = false;
    let again: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const signedIn = await ensureBrowsing();
      if (!signedIn.ok) return setProfile({ value: null, error: signedIn.error.message });
      const id = params.userId ?? signedIn.value.user.id;
      if (stale) return;
      setUserId(id);
      if (fetched.current?.userId !== id) {
        fetched.current = { userId: id, history: false, charts: new Map() };
        setHistory(null);
        setCharts({});
      }
      const has = fetched.current;
      const [loaded, matches] = await Promise.all([
        client.api.playerProfile(id),
        has.history ? null : client.api.playerMatches(id, { limit: 10 }),
      ]);
      if (stale) return;
      setProfile(
        loaded.ok
          ? { value: loaded.value, error: null }
          : { value: null, error: loaded.error.message },
      );
      if (matches?.ok) {
        has.history = true;
        setHistory(matches.value);
      }
      if (!loaded.ok) return;
      const due = loaded.value.ratings.filter((r) => has.charts.get(chartKey(r)) !== r.games);
      const drawn = await Promise.all(
        due.map(async (r) => ({
          r,
          points: await client.api.ratingHistory(id, r.game, r.version),
        })),
      );
      if (stale) return;
      const charted: Record<string, RatingHistory> = {};
      for (const { r, points } of drawn) {
        if (!points.ok) continue; // no chart; asked again next time
        has.charts.set(chartKey(r), r.games);
        charted[chartKey(r)] = points.value;
      }
      setCharts((shown) => ({ ...shown, ...charted }));
      if (loaded.value.counting > 0 && asked < COUNTING_RETRIES)
        again = setTimeout(() => setAsked((n) => n + 1), COUNTING_RETRY_MS);
    })();
    return () => {
      stale = true;
      clearTimeout(again);
    };
  }, [params.userId, asked]);

  const loadMore = async () => {
    if (!userId || !history?.next) return;
    setMore(true);
    const page = await client.api.playerMatches(userId, { limit: 10, after: history.next });
    setMore(false);
    if (page.ok)
      setHistory({ matches: [...history.matches, ...page.value.matches], next: page.value.next });
  };

  if (profile.error)
    return (
      <main className="page narrow">
        <p className="notice notice-error" role="alert">
          {profile.error} <Link to="/">Back to the start</Link>
        </p>
      </main>
    );
  const player = profile.value;
  if (!player) return <p className="notice">Loading…</p>;
  const mine = client.api.session?.user.id === player.user.id;

  return (
    <main className="page profile">
      <header className="panel">
        <h1 data-testid="profile-name">{player.user.name}</h1>
        <p className="muted">
          {player.user.guest ? 'Guest player' : 'Registered player'}
          {mine ? ' · this is you' : ''} · <Link to="/leaderboards">Leaderboards</Link> ·{' '}
          <Link to="/">Home</Link>
        </p>
      </header>

      <section className="panel" aria-labelledby="ratings-title">
        <h2 id="ratings-title">Ratings</h2>
        {player.counting > 0 ? (
          <p className="muted" role="status" data-testid="counting">
            {player.counting === 1
              ? 'One finished match is still being counted'
              : `${player.counting} finished matches are still being counted`}
            {asked < COUNTING_RETRIES ? '…' : '; reload the page in a moment.'}
          </p>
        ) : null}
        {player.ratings.length === 0 ? (
          <p className="muted">No rated matches yet.</p>
        ) : (
          player.ratings.map((r) => {
            const key = chartKey(r);
            return (
              <div key={key} className="rating-block" data-testid="rating">
                <p>
                  <Link to={`/leaderboards/${r.game}/${r.version}`}>
                    {gameName(r.game)}, version {r.version}
                  </Link>
                  : <strong>{Math.round(r.rating)}</strong> ± {Math.round(2 * r.rd)} over {r.games}{' '}
                  rated {r.games === 1 ? 'match' : 'matches'}
                </p>
                {charts[key] && charts[key].points.length > 0 ? (
                  <Suspense fallback={<p className="muted">Loading the chart…</p>}>
                    <RatingChart points={charts[key].points} label={`Rating in ${key}`} />
                  </Suspense>
                ) : null}
              </div>
            );
          })
        )}
      </section>

      <section className="panel" aria-labelledby="stats-title">
        <h2 id="stats-title">Stats</h2>
        {player.stats.length === 0 ? (
          <p className="muted">No finished matches yet.</p>
        ) : (
          player.stats.map((s) => (
            <StatsTable key={s.game} game={s.game} title={gameName(s.game)} stats={s.stats} />
          ))
        )}
      </section>

      <section className="panel" aria-labelledby="achievements-title">
        <h2 id="achievements-title">Achievements</h2>
        {player.achievements.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="achievements" data-testid="achievements">
            {player.achievements.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> — {a.description}{' '}
                <span className="muted">
                  (<time dateTime={a.grantedAt}>{new Date(a.grantedAt).toLocaleDateString()}</time>,{' '}
                  <Link to={`/replay/${a.matchId}`}>the match</Link>)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{mine ? 'My match history' : 'Recent matches'}</h2>
        {history && history.matches.length > 0 ? (
          <>
            <ul className="match-history" data-testid="match-history">
              {history.matches.map((m) => (
                <li key={m.matchId}>
                  <time dateTime={m.endedAt}>{new Date(m.endedAt).toLocaleString()}</time> ·{' '}
                  {gameName(m.game)}
                  {m.rated ? ' (rated)' : ''} ·{' '}
                  {/* Tables that never started (closed, expired) are not listed at all. */}
                  {m.reason === 'abandoned'
                    ? 'no contest'
                    : m.won
                      ? 'won'
                      : m.place !== null
                        ? `place ${m.place}`
                        : 'finished'}{' '}
                  · {m.players.map((p) => p.name).join(', ')} ·{' '}
                  <Link to={`/replay/${m.matchId}`}>replay</Link>
                </li>
              ))}
            </ul>
            {history.next ? (
              <button type="button" disabled={more} onClick={() => void loadMore()}>
                Older matches
              </button>
            ) : null}
          </>
        ) : (
          <p className="muted">No finished matches yet.</p>
        )}
      </section>
    </main>
  );
}
