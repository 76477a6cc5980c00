import {
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
} from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { MatchChatLog } from '../chat/MatchChatLog.tsx';
import type { Outcome, Seat } from '@cardtable/engine';
import { Director } from '../animation/director.ts';
import { flightDuration } from '../animation/plan.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { NO_CONTROLS } from '../game/controls.ts';
import { seatName } from '../game/names.ts';
import { client, ensureSignedIn } from '../net/session.ts';
import { ReplayControls } from '../replay/ReplayControls.tsx';
import { ReplayPlayer } from '../replay/player.ts';
import { NoSuchMatch } from '../live/NoSuchMatch.tsx';
import { useMatchMetadata } from '../live/useMatchMetadata.ts';
import { replayShareUrl } from '../live/lobby-seats.ts';
import { ReplayTools } from '../replay/ReplayTools.tsx';
import { ReplayTrustBadge } from '../replay/ReplayTrustBadge.tsx';
import { useReplayTrust, type ReplayTrust } from '../replay/useReplayTrust.ts';
import { keepImported, loadImported, readReplayFile } from '../replay/replay-file.ts';
import { replayGame } from '../replay/replay-timeline.ts';
import { buildTimeline, type Timeline } from '../replay/timeline.ts';
import { TableSettings } from '../settings/TableSettings.tsx';
import { settings, timingFor } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';
import { golfBeat } from '../sound/golf-beats.ts';
import { playBeat } from '../sound/sfx.ts';
import { Standings } from '../table/Standings.tsx';
import { TableView } from '../table/TableView.tsx';
import { isBuiltInTcg } from '../tcg/replay/built-in-content.ts';
import { Topbar } from '../ui/Topbar.tsx';

// The card game's replay (its rules and content loader) loads only when a card game is opened.
const TcgReplayViewer = lazy(() => import('../tcg/replay/TcgReplayViewer.tsx'));

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'ready'; timeline: Timeline }
  | { kind: 'tcg'; raw: unknown; matchId: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `/replay/:matchId` rewatches a finished match; `/replay` opens a replay file. */
export default function ReplayPage() {
  const matchId = useParams().matchId ?? null;
  // A shared replay's link: /replay/<match>?link=<token>.
  const link = useSearchParams()[0].get('link') ?? undefined;
  const [loaded, setLoaded] = useState<Loaded>(() =>
    matchId ? { kind: 'loading' } : fromRaw(loadImported()),
  );
  // The file opened here (not a match of this server), which the server is asked to check.
  const [opened, setOpened] = useState<unknown>(() => (matchId ? null : loadImported()));
  const trust = useReplayTrust(matchId ? null : opened);
  // Whether (and how) its replay may be handed on: a players' own replay offers no link.
  const meta = useMatchMetadata(matchId, 'over', link);
  const shareUrl = matchId
    ? replayShareUrl(window.location.origin, matchId, meta?.matchId === matchId ? meta : null, link)
    : null;

  useEffect(() => {
    if (!matchId) return;
    let stale = false;
    setLoaded({ kind: 'loading' });
    void (async () => {
      const signedIn = await ensureSignedIn();
      const exported = signedIn.ok ? await client.api.exportMatch(matchId, link) : signedIn;
      if (stale) return;
      setLoaded(exported.ok ? fromRaw(exported.value) : { kind: 'error', ...exported.error });
    })();
    return () => {
      stale = true;
    };
  }, [matchId, link]);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const raw = await readReplayFile(file);
    const result = fromRaw(raw);
    if (result.kind === 'ready' || result.kind === 'tcg') {
      keepImported(raw);
      setOpened(raw);
    }
    setLoaded(result);
  };

  // The server answers alike for a match that is not there and one this browser may not watch:
  // the match pages' own page says so and leads back to the start.
  if (matchId && loaded.kind === 'error' && loaded.code === 'NOT_FOUND') return <NoSuchMatch />;
  return (
    <div className="page replay-page">
      <Topbar>
        <span className="topbar-title">Replay</span>
        <TableSettings />
        <label className="button file-button">
          Open a replay file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e)}
            data-testid="replay-import"
          />
        </label>
      </Topbar>
      {loaded.kind === 'loading' ? (
        <p className="notice" role="status">
          {matchId ? 'Loading the match…' : 'Choose a replay file to watch it.'}
        </p>
      ) : null}
      {loaded.kind === 'error' ? (
        <p className="notice notice-error" role="alert" data-testid="replay-error">
          {loaded.message}{' '}
          {loaded.code === 'NOT_FINISHED' && matchId ? (
            <Link to={`/match/${matchId}`}>Watch it live</Link>
          ) : null}
        </p>
      ) : null}
      {loaded.kind === 'ready' ? (
        <ReplayViewer
          timeline={loaded.timeline}
          trust={trust}
          shareUrl={shareUrl}
          key={loaded.timeline.replay.match.matchId}
        />
      ) : null}
      {loaded.kind === 'tcg' ? (
        <Suspense fallback={<p className="notice">Loading the card game…</p>}>
          <TcgReplayViewer
            raw={loaded.raw}
            trust={trust}
            shareUrl={shareUrl}
            key={loaded.matchId}
          />
        </Suspense>
      ) : null}
      {matchId && (loaded.kind === 'ready' || loaded.kind === 'tcg') ? (
        <MatchChatLog matchId={matchId} {...(link ? { link } : {})} />
      ) : null}
    </div>
  );
}

function fromRaw(raw: unknown): Loaded {
  if (raw === null) return { kind: 'loading' };
  const game = replayGame(raw);
  if (game !== null && isBuiltInTcg(game))
    return {
      kind: 'tcg',
      raw,
      matchId: String((raw as { match: { matchId?: unknown } }).match.matchId),
    };
  const built = buildTimeline(raw);
  return built.ok ? { kind: 'ready', timeline: built.value } : { kind: 'error', ...built.error };
}

function ReplayViewer({
  timeline,
  trust,
  shareUrl,
}: {
  timeline: Timeline;
  /** For an opened file: what the server found it to be; null for this server's own match. */
  trust: ReplayTrust | null;
  shareUrl: string | null;
}) {
  const { match } = timeline.replay;
  const name = (seat: Seat) => seatName(match.seats, seat);
  const [player, director] = useMemo(() => {
    const speed = { current: 1 };
    const director = new Director({
      timing: () => timingFor(settings.getSnapshot().speed, prefersReducedMotion(), speed.current),
      name: (seat) => seatName(match.seats, seat),
      tallyMs: 6000,
      onStep: (event) => {
        const beat = golfBeat(event, null);
        if (beat) playBeat(beat);
      },
    });
    const player = new ReplayPlayer(timeline, director, sleep);
    player.subscribe(() => {
      speed.current = player.getSnapshot().speed;
    });
    return [player, director] as const;
  }, [timeline, match.seats]);
  useEffect(() => () => player.pause(), [player]);
  const state = useSyncExternalStore(player.subscribe, player.getSnapshot);
  const stage = useSyncExternalStore(director.subscribe, director.getSnapshot);
  const { speed: animationSpeed } = useSettings();
  const view = stage.view;
  const outcome: Outcome | null = view?.phase.kind === 'gameOver' ? view.phase.outcome : null;

  return (
    <>
      <section className="panel replay-bar">
        {trust ? <ReplayTrustBadge trust={trust} /> : null}
        <ReplayControls player={player} state={state} />
        <p className="caption" aria-live="polite">
          {stage.caption || 'The table before the deal.'}
        </p>
        <ReplayTools replay={timeline.replay} shareUrl={shareUrl} />
      </section>
      {outcome ? <Standings outcome={outcome} name={name} me={null} replayHref={null} /> : null}
      {view ? (
        <TableView
          stage={{ ...stage, view }}
          me={null}
          bottom={0}
          name={name}
          controls={NO_CONTROLS}
          onAct={() => undefined}
          onDismissTally={() => director.dismissTally()}
          peek
          moment="replay"
          flightMs={flightDuration(timingFor(animationSpeed, prefersReducedMotion(), state.speed))}
        />
      ) : null}
    </>
  );
}
