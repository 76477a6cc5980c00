import { useParams } from 'react-router';
import { TableChat } from '../chat/TableChat.tsx';
import { CopyField } from '../live/CopyField.tsx';
import { Lobby } from '../live/Lobby.tsx';
import { hostSeatOf } from '../live/lobby-seats.ts';
import { ReplayLinkField } from '../live/ReplayLinkField.tsx';
import { MatchNotices } from '../live/MatchNotices.tsx';
import { isNoSuchMatch, NoSuchMatch } from '../live/NoSuchMatch.tsx';
import { RematchControl } from '../live/RematchControl.tsx';
import { useRememberSeat } from '../live/useRememberSeat.ts';
import { SeatNotices } from '../live/SeatNotices.tsx';
import { TableClosed } from '../live/TableClosed.tsx';
import { TopbarControls } from '../live/TopbarControls.tsx';
import { TurnTimer } from '../live/TurnTimer.tsx';
import { useGameOverFocus } from '../live/useGameOverFocus.ts';
import { useMatchMetadata } from '../live/useMatchMetadata.ts';
import { endedBeforeStart } from '@cardtable/engine';
import { tablePath } from '../net/last-match.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { timingFor } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';
import { tcgFlightDuration } from './animation/plan.ts';
import { DownloadExport } from './DownloadExport.tsx';
import { GameLog } from './GameLog.tsx';
import { PlaytestBar } from './PlaytestBar.tsx';
import { StopsToggle } from './StopsToggle.tsx';
import { TcgGameOver } from './TcgGameOver.tsx';
import { TcgTable } from './TcgTable.tsx';
import { useGameContent } from './useGameContent.ts';
import { useTcgMatch } from './useTcgMatch.ts';
import { Topbar } from '../ui/Topbar.tsx';
import './tcg.css';
import './play.css';

const tcgPath = (id: string) => tablePath(id, 'tcg');
const NO_STOPS: readonly string[] = [];
/** Turn 0 is the opening (mulligans, a battler's setup): no turn has started yet. */
const turnWords = (turn: number) => (turn === 0 ? 'getting ready' : `turn ${turn}`);

/** A live card game match (the built-in set or a published game), played or watched. */
export default function TcgMatchPage() {
  const matchId = useParams().matchId as string;
  const live = useTcgMatch(matchId);
  const meta = useMatchMetadata(matchId, live.status);
  const { view, role, seat, status } = live;
  const { speed } = useSettings();

  const game = useGameContent(meta, status !== null);
  const title = game.name ?? 'Card game';
  const me = role === 'player' ? seat : null;
  // A resignation ends the match with no event: its result comes with the status.
  const outcome =
    view?.outcome ?? (status === 'over' ? (live.result ?? meta?.result ?? null) : null);
  // Closed by its host, or expired, before the start: nothing was played, so no table either.
  const neverStarted = endedBeforeStart(outcome);
  const gameSlug = meta?.content?.slug ?? meta?.game ?? 'tcg';
  const missing = isNoSuchMatch(live);
  useRememberSeat(matchId, live, meta?.code ?? null, 'tcg', neverStarted || missing);
  const gameOverRef = useGameOverFocus(outcome !== null && !neverStarted);
  if (missing) return <NoSuchMatch />;
  return (
    <div className="page match-page tcg-page" data-role={role ?? 'unknown'} data-speed={speed}>
      <Topbar>
        <span className="topbar-title" data-testid="game-title">
          {view && status !== 'waiting' ? `${title} — ${turnWords(view.turn)}` : title}
        </span>
        {role === 'spectator' ? <span className="seat-tag">watching</span> : null}
        {live.turnEndsAt && status === 'active' ? <TurnTimer endsAt={live.turnEndsAt} /> : null}
        <TopbarControls
          matchId={matchId}
          playing={me !== null && status === 'active'}
          connection={live.connection}
        />
      </Topbar>
      <MatchNotices
        connection={live.connection}
        closed={live.closed}
        actionError={live.actionError}
      />
      {meta?.content && meta.content.version === null ? (
        <PlaytestBar matchId={matchId} content={meta.content} mine={me === 0} />
      ) : null}
      <SeatNotices seats={live.seats} status={status} me={me} name={live.name} />
      {outcome && neverStarted ? (
        <TableClosed
          outcome={outcome}
          mine={me !== null && me === hostSeatOf(live.seats)}
          tablesHref={meta?.listed ? `/tables/${encodeURIComponent(gameSlug)}` : null}
        />
      ) : outcome ? (
        <div ref={gameOverRef} className="standings-anchor">
          <TcgGameOver
            outcome={outcome}
            me={me}
            {...(view ? { life: view.glossary.life } : {})}
            name={live.name}
            matchId={matchId}
            gameSlug={gameSlug}
            rematch={
              <RematchControl
                matchId={matchId}
                session={live}
                agreedRematchId={meta?.rematchId ?? null}
                pathOf={tcgPath}
                name={live.name}
              />
            }
          />
          {/* Beside the result, as at a Golf table: it sat in the page's foot, below the log. */}
          {me !== null ? <ReplayLinkField meta={meta} /> : null}
        </div>
      ) : null}
      {status === 'waiting' ? (
        <Lobby
          matchId={matchId}
          seats={live.seats}
          code={meta?.code ?? null}
          mySeat={seat}
          listed={meta?.listed ?? false}
          gone={live.closed?.code === 'NOT_FOUND'}
        />
      ) : neverStarted ? null : view ? (
        <TableChat
          key={role === 'player' ? `seat-${seat}` : 'watching'}
          matchId={matchId}
          name={live.name}
        >
          {(bubbles) => (
            <TcgTable
              bubbles={bubbles}
              view={view}
              me={role === 'player' ? seat : null}
              legal={live.legal}
              shown={live.shown}
              caption={live.caption}
              flightMs={tcgFlightDuration(timingFor(speed, prefersReducedMotion()))}
              name={live.name}
              onAct={live.act}
              art={game.art}
              // Once over, the result sits above the table: fitted under it, the final board
              // shrank to its least. It keeps the size it had in play instead.
              fitsWindow={outcome === null}
            />
          )}
        </TableChat>
      ) : (
        <p className="notice">Connecting…</p>
      )}
      {view && status !== 'waiting' && !neverStarted ? <GameLog lines={live.log} /> : null}
      {me !== null && status === 'active' ? (
        <StopsToggle matchId={matchId} saved={meta?.stops ?? NO_STOPS} />
      ) : null}
      {status === 'over' && !neverStarted ? (
        <footer className="share">
          <DownloadExport matchId={matchId} />
        </footer>
      ) : null}
      {status === 'active' ? (
        <footer className="share">
          {/* No room code here: a started match has no free seat for it to invite to. */}
          <CopyField
            label="Link for spectators"
            value={`${window.location.origin}${tablePath(matchId, 'tcg')}`}
            testId="spectate-link"
          />
        </footer>
      ) : null}
    </div>
  );
}
