import { useParams } from 'react-router';
import { flightDuration } from '../animation/plan.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { TableChat } from '../chat/TableChat.tsx';
import { CopyField } from '../live/CopyField.tsx';
import { MatchNotices } from '../live/MatchNotices.tsx';
import { isNoSuchMatch, NoSuchMatch } from '../live/NoSuchMatch.tsx';
import { RematchControl } from '../live/RematchControl.tsx';
import { useRememberSeat } from '../live/useRememberSeat.ts';
import { Lobby } from '../live/Lobby.tsx';
import { hostSeatOf } from '../live/lobby-seats.ts';
import { ReplayLinkField } from '../live/ReplayLinkField.tsx';
import { SeatNotices } from '../live/SeatNotices.tsx';
import { TableClosed } from '../live/TableClosed.tsx';
import { TopbarControls } from '../live/TopbarControls.tsx';
import { TurnTimer } from '../live/TurnTimer.tsx';
import { useLiveMatch } from '../live/useLiveMatch.ts';
import { useGameOverFocus } from '../live/useGameOverFocus.ts';
import { useMatchMetadata } from '../live/useMatchMetadata.ts';
import { tablePath } from '../net/last-match.ts';
import { timingFor } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';
import { endedBeforeStart } from '@cardtable/engine';
import { Standings } from '../table/Standings.tsx';
import { TableView } from '../table/TableView.tsx';
import { Topbar } from '../ui/Topbar.tsx';

const golfPath = (id: string) => tablePath(id, 'golf');

/** A live match, played or watched: which one depends on whether this browser holds a seat. */
export default function MatchPage() {
  const matchId = useParams().matchId as string;
  const live = useLiveMatch(matchId);
  const meta = useMatchMetadata(matchId, live.status);
  const { stage, seat, role, status, clock, timedOut } = live;
  const { speed } = useSettings();
  const view = stage.view;

  // A resignation ends the match with no event: its result comes with the status.
  const outcome =
    view?.phase.kind === 'gameOver' ? view.phase.outcome : status === 'over' ? live.result : null;
  // Closed by its host, or expired, before the deal: nothing was played, so no table either.
  const neverStarted = endedBeforeStart(outcome);
  const missing = isNoSuchMatch(live);
  useRememberSeat(matchId, live, meta?.code ?? null, 'golf', neverStarted || missing);
  const standingsRef = useGameOverFocus(outcome !== null && !neverStarted);
  if (missing) return <NoSuchMatch />;
  // No-break spaces: on a phone "Hole 1 of 9" wrapped, leaving the count alone below.
  const hole =
    view && view.round > 0 ? `Hole\u00a0${view.round}\u00a0of\u00a0${view.options.rounds}` : 'Golf';

  return (
    <div className="page match-page" data-role={role ?? 'unknown'} data-speed={speed}>
      <Topbar>
        <span className="topbar-title">{hole}</span>
        {role === 'spectator' ? <span className="seat-tag">watching</span> : null}
        {clock && status === 'active' ? (
          <TurnTimer
            key={`${clock.seat}-${clock.endsAt}`}
            startsAt={clock.startsAt}
            endsAt={clock.endsAt}
            offsetMs={live.serverOffsetMs}
            who={live.name(clock.seat)}
            mine={role === 'player' && clock.seat === seat}
          />
        ) : null}
        <TopbarControls
          matchId={matchId}
          playing={role === 'player' && status === 'active'}
          connection={live.connection}
        />
      </Topbar>

      <MatchNotices
        connection={live.connection}
        closed={live.closed}
        actionError={live.actionError}
      />

      {timedOut && status === 'active' ? (
        <p className="notice notice-warning" role="status" data-testid="timeout-notice">
          {role === 'player' && timedOut.seat === seat
            ? 'Your time ran out: a move was played for you.'
            : `${live.name(timedOut.seat)}'s time ran out: a move was played for them.`}
        </p>
      ) : null}
      <SeatNotices
        seats={live.seats}
        status={status}
        me={role === 'player' ? seat : null}
        name={live.name}
      />

      {status === 'waiting' ? (
        <Lobby
          matchId={matchId}
          seats={live.seats}
          code={meta?.code ?? null}
          mySeat={seat}
          listed={meta?.listed ?? false}
          gone={live.closed?.code === 'NOT_FOUND'}
        />
      ) : null}

      {outcome && neverStarted ? (
        <TableClosed
          outcome={outcome}
          mine={role === 'player' && seat === hostSeatOf(live.seats)}
          tablesHref={meta?.listed ? '/tables/golf' : null}
        />
      ) : outcome ? (
        <div ref={standingsRef} className="standings-anchor">
          <Standings
            outcome={outcome}
            name={live.name}
            me={role === 'player' ? seat : null}
            // The replay is its players' own (the server refuses anyone else without its link).
            replayHref={role === 'player' ? `/replay/${matchId}` : null}
            rematch={
              <RematchControl
                matchId={matchId}
                session={live}
                agreedRematchId={meta?.rematchId ?? null}
                pathOf={golfPath}
                name={live.name}
              />
            }
          />
          {role === 'player' ? <ReplayLinkField meta={meta} /> : null}
        </div>
      ) : null}

      {view && status !== 'waiting' && !neverStarted ? (
        <TableChat
          key={role === 'player' ? `seat-${seat}` : 'watching'}
          matchId={matchId}
          name={live.name}
        >
          {(bubbles) => (
            <TableView
              bubbles={bubbles}
              stage={{ ...stage, view }}
              me={role === 'player' ? seat : null}
              bottom={role === 'player' && seat !== null ? seat : 0}
              name={live.name}
              controls={live.controls}
              onAct={live.act}
              onDismissTally={() => live.director.dismissTally()}
              peek={false}
              moment={status === 'over' ? 'over' : 'live'}
              flightMs={flightDuration(timingFor(speed, prefersReducedMotion()))}
            />
          )}
        </TableChat>
      ) : null}

      {status === 'active' ? (
        <footer className="share">
          <CopyField
            label="Link for spectators"
            value={`${window.location.origin}/match/${matchId}`}
            testId="spectate-link"
          />
        </footer>
      ) : null}
    </div>
  );
}
