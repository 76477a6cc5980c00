import { Link, useParams } from 'react-router';
import { ConnectionBadge } from '../live/ConnectionBadge.tsx';
import { TurnTimer } from '../live/TurnTimer.tsx';
import { TcgTable } from './TcgTable.tsx';
import { useTcgMatch } from './useTcgMatch.ts';
import './tcg.css';

/** A live TCG match (the demo ruleset against a CPU, or two people). */
export default function TcgMatchPage() {
  const matchId = useParams().matchId as string;
  const live = useTcgMatch(matchId);
  const { view } = live;
  return (
    <div className="page match-page tcg-page" data-role={live.role ?? 'unknown'}>
      <header className="topbar">
        <Link to="/" className="brand">
          Cardtable
        </Link>
        <span className="topbar-title">
          {view ? `Ember & Tide — turn ${view.turn}` : 'Card game'}
        </span>
        {live.turnEndsAt && live.status === 'active' ? (
          <TurnTimer endsAt={live.turnEndsAt} />
        ) : null}
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
      {view ? (
        <TcgTable
          view={view}
          me={live.role === 'player' ? live.seat : null}
          legal={live.legal}
          step={live.step}
          name={live.name}
          onAct={live.act}
        />
      ) : (
        <p className="notice">Connecting…</p>
      )}
    </div>
  );
}
