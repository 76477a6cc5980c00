import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Leaderboard, RatedGameList } from '@cardtable/sdk';
import { client, ensureBrowsing } from '../net/session.ts';
import { counted } from '../ui/counted.ts';
import { useGameNames } from './useGameNames.ts';

const PAGE = 25;

/** `/leaderboards`: the boards there are; `/leaderboards/:game/:version`: one, page by page. */
export default function LeaderboardPage() {
  const { game, version } = useParams();
  const [boards, setBoards] = useState<RatedGameList | null>(null);
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [error, setError] = useState<string | null>(null);
  const after = pages.at(-1);
  const gameName = useGameNames();

  useEffect(() => {
    let stale = false;
    void (async () => {
      const signedIn = await ensureBrowsing();
      if (!signedIn.ok) return setError(signedIn.error.message);
      const result =
        game && version
          ? await client.api.leaderboard(game, version, {
              limit: PAGE,
              ...(after ? { after } : {}),
            })
          : await client.api.leaderboards();
      if (stale) return;
      if (!result.ok) return setError(result.error.message);
      if ('entries' in result.value) setBoard(result.value);
      else setBoards(result.value);
    })();
    return () => {
      stale = true;
    };
  }, [game, version, after]);

  return (
    <main className="page leaderboard">
      <header className="panel">
        <h1>
          {game && version ? `Leaderboard: ${gameName(game)}, version ${version}` : 'Leaderboards'}
        </h1>
        <p className="muted">
          <Link to="/">Home</Link> · <Link to="/me">My profile</Link>
          {game ? (
            <>
              {' '}
              · <Link to="/leaderboards">All leaderboards</Link>
            </>
          ) : null}
        </p>
      </header>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {!error && !(game ? board : boards) ? (
        <p className="notice" role="status" data-testid="leaderboards-loading">
          Loading the leaderboards…
        </p>
      ) : null}
      {!game && boards ? (
        <section className="panel">
          {boards.boards.length === 0 ? (
            <p className="muted" data-testid="leaderboards-empty">
              No leaderboard yet: a player is listed after{' '}
              {counted(boards.minGames, 'rated match', 'rated matches')} of a game.{' '}
              <Link to="/">Find an opponent</Link> for a rated match (it needs an account).
            </p>
          ) : (
            <ul>
              {boards.boards.map((b) => (
                <li key={`${b.game}/${b.version}`}>
                  <Link to={`/leaderboards/${b.game}/${b.version}`}>
                    {gameName(b.game)}, version {b.version}
                  </Link>{' '}
                  ({b.players} players)
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {game && board ? (
        <section className="panel">
          <p className="muted">
            Players with at least {board.minGames} rated matches.{' '}
            {board.me ? (
              <strong data-testid="my-position">You are #{board.me.position}.</strong>
            ) : (
              'You are not listed yet.'
            )}
          </p>
          {board.entries.length === 0 && pages.length === 1 ? (
            <p data-testid="leaderboard-empty">Nobody is on this leaderboard yet.</p>
          ) : (
            <>
              <table className="leaderboard-table" data-testid="leaderboard">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Player</th>
                    <th scope="col">Rating</th>
                    <th scope="col">Matches</th>
                  </tr>
                </thead>
                <tbody>
                  {board.entries.map((e) => (
                    <tr key={e.userId} className={e.userId === board.me?.userId ? 'me' : undefined}>
                      <td>{e.position}</td>
                      <td>
                        <Link to={`/players/${e.userId}`}>{e.name}</Link>
                      </td>
                      <td>
                        {Math.round(e.rating)} ± {Math.round(2 * e.rd)}
                      </td>
                      <td>{e.games}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <button
                  type="button"
                  disabled={pages.length === 1}
                  onClick={() => setPages(pages.slice(0, -1))}
                >
                  Previous
                </button>{' '}
                <button
                  type="button"
                  disabled={!board.next}
                  onClick={() => board.next && setPages([...pages, board.next])}
                >
                  Next
                </button>
              </p>
            </>
          )}
        </section>
      ) : null}
    </main>
  );
}
