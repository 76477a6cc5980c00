import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError, CreateMatchRequest, GameSummary, MatchMetadata } from '@cardtable/sdk';
import { createRequest, quickSetup, type TableSetup } from '../game/table-setup.ts';
import { seatName } from '../game/names.ts';
import { endedBeforeStart } from '@cardtable/engine';
import { lastMatch, rememberMatch, tablePath } from '../net/last-match.ts';
import { useGames } from '../net/useGames.ts';
import { client, ensureSignedIn, playerName, setPlayerName } from '../net/session.ts';
import { CreateTableForm } from '../home/CreateTableForm.tsx';
import { QuickMatch } from '../social/QuickMatch.tsx';
import { GameList } from '../home/GameList.tsx';
import { GolfRules } from '../home/GolfRules.tsx';
import { PlayerNameField } from '../home/PlayerNameField.tsx';
import { quickPlay } from '../home/quick-play.ts';
import { setupErrors } from '../home/setup-errors.ts';
import { emptyDeckLists, tcgMatchRequest, type TcgSetup } from '../home/tcg-setup.ts';
import { NO_ERRORS, TcgMatchForm, type SetupErrors } from '../home/TcgMatchForm.tsx';

/** Golf is built in and always offered, also before (or without) the server's game list. */
const GOLF = 'golf';

/** Start here: play now, choose a game and set up a match, join by code, or go back to a match. */
export default function HomePage() {
  const navigate = useNavigate();
  const [name, setName] = useState(playerName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tcgErrors, setTcgErrors] = useState<SetupErrors>(NO_ERRORS);
  const [golfError, setGolfError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const games = useGames();
  // `/?game=<slug>` opens that game's setup (the studio's share link, a table's "New game").
  const [chosen, setChosen] = useState(
    () => new URLSearchParams(window.location.search).get('game') ?? GOLF,
  );
  const chosenGame = games.list?.find((game) => game.slug === chosen);
  const setupRef = useRef<HTMLDivElement>(null);
  const [revealed, setRevealed] = useState(0);
  const choose = (slug: string) => {
    setChosen(slug);
    setRevealed((count) => count + 1);
  };
  // A link to a game (`?game=`) is followed to its setup once the list names the game: the
  // setup is far below the top of the page, where nobody who came for that game would look.
  const linkedGame = useRef(new URLSearchParams(window.location.search).has('game'));
  useEffect(() => {
    if (!linkedGame.current || !chosenGame) return;
    linkedGame.current = false;
    setRevealed((count) => count + 1);
  }, [chosenGame]);
  // A chosen game's form may be folded or below the fold (on a phone, far below): open it and
  // move focus to its first field, so the button visibly does what it says.
  useEffect(() => {
    const setup = setupRef.current;
    if (revealed === 0 || !setup) return;
    const form = setup.querySelector('form');
    const folded = form?.closest('details');
    if (folded) folded.open = true;
    form?.querySelector<HTMLElement>('input, select')?.focus();
  }, [revealed]);

  /** Creates the match and goes to its table; a refusal is handed back to the caller. */
  const create = async (
    request: CreateMatchRequest,
    kind: GameSummary['kind'],
  ): Promise<ApiError | null> => {
    setBusy(true);
    setError(null);
    setPlayerName(name);
    const signedIn = await ensureSignedIn();
    const created = signedIn.ok ? await client.api.createMatch(request) : signedIn;
    setBusy(false);
    if (!created.ok) return created.error;
    const path = tablePath(created.value.matchId, kind);
    rememberMatch({
      matchId: created.value.matchId,
      seat: created.value.seat,
      code: created.value.code,
      path,
    });
    void navigate(path);
    return null;
  };
  /** Starts a match from the page's top, where a refusal is said. */
  const start = async (request: CreateMatchRequest, kind: GameSummary['kind']) => {
    const refused = await create(request, kind);
    if (refused) setError(refused.message);
  };
  const golfRequest = (setup: TableSetup) => createRequest(setup, name.trim());
  /** The Golf form's refusal is said at its button, far below the page's top on a phone. */
  const createGolf = async (setup: TableSetup) => {
    const refused = await create(golfRequest(setup), 'golf');
    setGolfError(refused?.message ?? null);
  };
  // The big button plays the game chosen below, and says which (`quick-play.ts`).
  const quick = quickPlay(chosenGame);
  const playNow = () => {
    if (quick.kind === 'golf') void start(golfRequest(quickSetup()), 'golf');
    else if (quick.kind === 'tcg')
      void start(tcgMatchRequest(quick.game, quick.setup, name), 'tcg');
    else choose(quick.game.slug);
  };
  const startTcg = async (game: GameSummary, setup: TcgSetup) => {
    const empty = emptyDeckLists(setup);
    setTcgErrors({ decks: empty, form: [] });
    if (empty.some((messages) => messages.length > 0)) return;
    const refused = await create(tcgMatchRequest(game, setup, name), 'tcg');
    if (refused) setTcgErrors(setupErrors(refused));
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    setPlayerName(name);
    if (trimmed) void navigate(`/join/${encodeURIComponent(trimmed)}`);
  };

  const back = lastMatch();

  return (
    <main className="page home">
      <header className="hero">
        <h1>Cardtable</h1>
        <p>
          Card games to play online with friends or against the CPU: Golf, and every game its
          creators have published here. <Link to="/studio">Make your own</Link> in the creator
          studio.
        </p>
        <PlayerNameField value={name} onChange={setName} onBlur={() => setPlayerName(name)} />
        <button
          type="button"
          className="primary big"
          disabled={busy}
          onClick={playNow}
          data-testid="play-now"
        >
          {quick.label}
        </button>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </header>

      <QuickMatch
        name={name}
        game={chosen}
        title={chosenGame?.name ?? 'Golf'}
        {...(chosenGame ? { seatRange: chosenGame.seats } : {})}
      />

      <section className="panel" aria-labelledby="open-tables-title">
        <h2 id="open-tables-title">Open tables</h2>
        <p>
          Public tables waiting for players, with their rules and host.{' '}
          <Link to={`/tables/${encodeURIComponent(chosen)}`} data-testid="browse-tables">
            Browse the open {chosenGame?.name ?? 'Golf'} tables
          </Link>
        </p>
      </section>

      {back ? (
        <section className="panel">
          <h2>Your table</h2>
          <p>
            <Link
              className="button"
              to={back.path ?? `/match/${back.matchId}`}
              data-testid="back-to-table"
            >
              Back to your last match
            </Link>
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="join-title">
        <h2 id="join-title">Join a table</h2>
        <form className="inline-form" onSubmit={join}>
          <label className="field">
            <span>Room code</span>
            <input
              value={code}
              onChange={(event) => setCode(event.target.value.toUpperCase())}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="K7QX2M"
              data-testid="join-code"
            />
          </label>
          <button type="submit" data-testid="join-submit" disabled={code.trim() === ''}>
            Join
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="games-title">
        <h2 id="games-title">Games</h2>
        {games.list ? (
          <GameList games={games.list} selected={chosen} onSelect={choose} />
        ) : games.error ? (
          <p className="notice notice-error" role="alert" data-testid="games-error">
            The list of games could not be loaded: {games.error}
          </p>
        ) : (
          <p className="muted">Loading the games…</p>
        )}
      </section>

      <div ref={setupRef}>
        {chosen === GOLF ? (
          <>
            <GolfRules />
            <CreateTableForm
              busy={busy}
              error={golfError}
              onCreate={(setup) => void createGolf(setup)}
            />
          </>
        ) : chosenGame ? (
          <TcgMatchForm
            key={chosenGame.slug}
            game={chosenGame}
            busy={busy}
            errors={tcgErrors}
            onCreate={(setup) => void startTcg(chosenGame, setup)}
          />
        ) : null}
      </div>

      <section className="panel" aria-labelledby="make-title">
        <h2 id="make-title">Make your own game</h2>
        <p>
          Design a card game in your browser: its rules, cards, abilities and decks. Test it against
          CPU players, then publish it here for anyone to play.{' '}
          <Link to="/studio" data-testid="open-studio">
            Open the creator studio
          </Link>
        </p>
      </section>

      <RecentMatches />

      <section className="panel">
        <h2>Players</h2>
        <p>
          <Link to="/me" data-testid="my-profile">
            My profile and match history
          </Link>{' '}
          · <Link to="/leaderboards">Leaderboards</Link>
        </p>
      </section>

      <section className="panel">
        <h2>Replays</h2>
        <p>
          Every finished match can be rewatched from its page. Got a replay file?{' '}
          <Link to="/replay">Open it here</Link>.
        </p>
      </section>
    </main>
  );
}

function RecentMatches() {
  const [matches, setMatches] = useState<MatchMetadata[] | null>(null);
  useEffect(() => {
    if (!client.api.session) return;
    let stale = false;
    void client.api.myMatches().then((result) => {
      if (!stale && result.ok) setMatches(result.value.matches);
    });
    return () => {
      stale = true;
    };
  }, []);
  if (!matches || matches.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Your recent matches</h2>
      <ul className="recent" data-testid="recent-matches">
        {matches.slice(0, 10).map((match) => (
          <li key={match.matchId}>
            <span>
              {match.seats.map((seat) => seatName(match.seats, seat.seat)).join(', ')}
              <span className="muted"> · {new Date(match.createdAt).toLocaleString()}</span>
            </span>
            <span className="seat-tag">
              {endedBeforeStart(match.result) ? match.result?.reason : match.status}
            </span>
            {endedBeforeStart(match.result) ? null : match.game !== 'golf' ? (
              <Link to={tablePath(match.matchId, match.game)}>
                {match.status === 'over' ? 'Final table' : 'Resume'}
              </Link>
            ) : match.status === 'over' ? (
              <Link to={`/replay/${match.matchId}`}>Replay</Link>
            ) : (
              <Link to={`/match/${match.matchId}`}>
                {match.status === 'waiting' ? 'Open' : 'Resume'}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
