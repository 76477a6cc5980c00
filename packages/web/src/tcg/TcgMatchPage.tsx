import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ConnectionBadge } from '../live/ConnectionBadge.tsx';
import { CopyField } from '../live/CopyField.tsx';
import { Lobby } from '../live/Lobby.tsx';
import { TurnTimer } from '../live/TurnTimer.tsx';
import { useMatchMetadata } from '../live/useMatchMetadata.ts';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { TableSettings } from '../settings/TableSettings.tsx';
import { timingFor } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';
import { tcgFlightDuration } from './animation/plan.ts';
import { DownloadExport } from './DownloadExport.tsx';
import { TcgTable } from './TcgTable.tsx';
import { useGameContent } from './useGameContent.ts';
import { useTcgMatch } from './useTcgMatch.ts';
import './tcg.css';

/** A live card game match (the built-in set or a published game), played or watched. */
export default function TcgMatchPage() {
  const matchId = useParams().matchId as string;
  const live = useTcgMatch(matchId);
  const meta = useMatchMetadata(matchId, live.status);
  const { view, role, seat, status } = live;
  const { speed } = useSettings();

  useEffect(() => {
    if (role === 'player')
      rememberMatch({ matchId, seat, code: meta?.code ?? null, path: tablePath(matchId, 'tcg') });
  }, [matchId, role, seat, meta?.code]);

  const game = useGameContent(meta);
  const title = game.name ?? 'Card game';
  return (
    <div className="page match-page tcg-page" data-role={role ?? 'unknown'} data-speed={speed}>
      <header className="topbar">
        <Link to="/" className="brand">
          Cardtable
        </Link>
        <span className="topbar-title" data-testid="game-title">
          {view && status !== 'waiting' ? `${title} — turn ${view.turn}` : title}
        </span>
        {role === 'spectator' ? <span className="seat-tag">watching</span> : null}
        {live.turnEndsAt && status === 'active' ? <TurnTimer endsAt={live.turnEndsAt} /> : null}
        <TableSettings />
        <ConnectionBadge state={live.connection} />
      </header>
      {live.closed ? (
        <p className="notice notice-error" role="alert">
          {live.closed.message} <Link to="/">Back to the start</Link>
        </p>
      ) : null}
      {live.actionError ? (
        <p className="notice notice-error" role="alert" data-testid="action-error">
          {live.actionError.message}
        </p>
      ) : null}
      {status === 'waiting' ? (
        <Lobby seats={live.seats} code={meta?.code ?? null} mySeat={seat} />
      ) : view ? (
        <TcgTable
          view={view}
          me={role === 'player' ? seat : null}
          legal={live.legal}
          shown={live.shown}
          caption={live.caption}
          flightMs={tcgFlightDuration(timingFor(speed, prefersReducedMotion()))}
          name={live.name}
          onAct={live.act}
          art={game.art}
        />
      ) : (
        <p className="notice">Connecting…</p>
      )}
      {status === 'over' ? (
        <footer className="share">
          <DownloadExport matchId={matchId} />
        </footer>
      ) : null}
      {status === 'active' ? (
        <footer className="share">
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
