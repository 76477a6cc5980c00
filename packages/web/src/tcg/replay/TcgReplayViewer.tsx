import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Result, Seat, Viewer } from '@cardtable/engine';
import { prefersReducedMotion } from '../../animation/motion.ts';
import { seatName } from '../../game/names.ts';
import { client, ensureSignedIn } from '../../net/session.ts';
import { ReplayControls } from '../../replay/ReplayControls.tsx';
import { ReplayPlayer } from '../../replay/player.ts';
import { ReplayTools } from '../../replay/ReplayTools.tsx';
import { ReplayTrustBadge } from '../../replay/ReplayTrustBadge.tsx';
import type { ReplayTrust } from '../../replay/useReplayTrust.ts';
import { settings, timingFor } from '../../settings/settings.ts';
import { useSettings } from '../../settings/useSettings.ts';
import { playBeat } from '../../sound/sfx.ts';
import { TcgDirector } from '../animation/director.ts';
import { tcgFlightDuration } from '../animation/plan.ts';
import { TcgOutcome } from '../TcgOutcome.tsx';
import { TcgTable } from '../TcgTable.tsx';
import { replayContent, type PublishedFiles } from './replay-content.ts';
import { checkSchemasOffPage } from './schema-check.ts';
import { buildTcgTimeline, type TcgTimeline } from './tcg-timeline.ts';
import '../tcg.css';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whose eyes the replay is seen through: everything, one seat's, or a spectator's. */
type Perspective = 'all' | 'spectator' | `seat-${number}`;

const viewerOf = (perspective: Perspective): Viewer =>
  perspective === 'all'
    ? { kind: 'all' }
    : perspective === 'spectator'
      ? { kind: 'spectator' }
      : { kind: 'seat', seat: Number(perspective.slice(5)) };

export interface TcgReplayViewerProps {
  raw: unknown;
  trust: ReplayTrust | null;
  shareUrl: string | null;
}

type Built = { kind: 'loading' } | { kind: 'done'; result: Result<TcgTimeline> };

/** A published game's files come from the content API, which needs a signed-in person. */
const publishedFiles: PublishedFiles = async (slug, version) => {
  const signedIn = await ensureSignedIn();
  return signedIn.ok ? client.api.versionFiles(slug, version) : signedIn;
};

/**
 * The replay of a finished card game match: the same table and animations as live play, with
 * the content of the match's game and version (embedded, published or built in).
 */
export default function TcgReplayViewer({ raw, trust, shareUrl }: TcgReplayViewerProps) {
  const [built, setBuilt] = useState<Built>({ kind: 'loading' });
  useEffect(() => {
    let stale = false;
    setBuilt({ kind: 'loading' });
    void replayContent(raw, publishedFiles)
      .then((source) => (source.ok ? checkSchemasOffPage(source.value) : source))
      .then((source) => {
        if (!stale)
          setBuilt({
            kind: 'done',
            result: source.ok ? buildTcgTimeline(raw, source.value) : source,
          });
      });
    return () => {
      stale = true;
    };
  }, [raw]);
  if (built.kind === 'loading')
    return (
      <p className="notice" role="status">
        Loading the card game's cards…
      </p>
    );
  if (!built.result.ok)
    return (
      <p className="notice notice-error" role="alert" data-testid="replay-error">
        {built.result.error.message}
      </p>
    );
  return <TcgReplay base={built.result.value} trust={trust} shareUrl={shareUrl} />;
}

function TcgReplay({
  base,
  trust,
  shareUrl,
}: {
  base: TcgTimeline;
  trust: ReplayTrust | null;
  shareUrl: string | null;
}) {
  const { match } = base.replay;
  const name = (seat: Seat) => seatName(match.seats, seat);
  const [perspective, setPerspective] = useState<Perspective>('all');
  const timeline = useMemo(() => base.seenBy(viewerOf(perspective)), [base, perspective]);
  const me = perspective.startsWith('seat-') ? Number(perspective.slice(5)) : null;
  // Changing whose eyes keeps the position: the new player starts where the old one was.
  const position = useRef(0);
  const [player, director] = useMemo(() => {
    const speed = { current: 1 };
    const director = new TcgDirector({
      timing: () => timingFor(settings.getSnapshot().speed, prefersReducedMotion(), speed.current),
      name: (seat) => seatName(match.seats, seat),
      me: () => me,
      onBeat: playBeat,
    });
    const player = new ReplayPlayer(timeline, director, sleep);
    player.subscribe(() => {
      speed.current = player.getSnapshot().speed;
      position.current = player.getSnapshot().position;
    });
    player.seek(position.current);
    return [player, director] as const;
  }, [timeline, match.seats, me]);
  useEffect(() => () => player.pause(), [player]);
  const state = useSyncExternalStore(player.subscribe, player.getSnapshot);
  const stage = useSyncExternalStore(director.subscribe, director.getSnapshot);
  const { speed } = useSettings();

  return (
    <>
      <section className="panel replay-bar">
        {trust ? <ReplayTrustBadge trust={trust} /> : null}
        <ReplayControls player={player} state={state} />
        <ReplayTools replay={base.replay} shareUrl={shareUrl}>
          <label className="field">
            <span>Seen by</span>
            <select
              value={perspective}
              onChange={(event) => setPerspective(event.target.value as Perspective)}
              data-testid="replay-perspective"
            >
              <option value="all">Everyone (all cards shown)</option>
              {match.seats.map((_, seat) => (
                <option key={seat} value={`seat-${seat}`}>
                  {name(seat)}
                </option>
              ))}
              <option value="spectator">A spectator</option>
            </select>
          </label>
        </ReplayTools>
      </section>
      {stage.view?.outcome ? (
        <section className="panel" aria-live="polite">
          <TcgOutcome
            outcome={stage.view.outcome}
            me={me}
            name={name}
            life={stage.view.glossary.life}
          />
        </section>
      ) : null}
      {stage.view ? (
        <div className="tcg-replay" data-speed={speed}>
          <TcgTable
            view={stage.view}
            me={me}
            legal={[]}
            shown={stage.shown}
            caption={stage.caption || 'The table before the match starts.'}
            flightMs={tcgFlightDuration(timingFor(speed, prefersReducedMotion(), state.speed))}
            name={name}
            onAct={() => undefined}
          />
        </div>
      ) : null}
    </>
  );
}
