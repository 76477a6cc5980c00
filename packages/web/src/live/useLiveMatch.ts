import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Seat } from '@cardtable/engine';
import type { GolfAction, GolfEvent, GolfView } from '@cardtable/golf';
import { Director } from '../animation/director.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { controlsFor, NO_CONTROLS, type Controls } from '../game/controls.ts';
import { seatName } from '../game/names.ts';
import { settings, timingFor } from '../settings/settings.ts';
import { golfBeat } from '../sound/golf-beats.ts';
import { playBeat } from '../sound/sfx.ts';
import { shownClock, type ShownClock } from './turn-clock.ts';
import { useMatchSession, type SessionFacts } from './useMatchSession.ts';

const TALLY_MS = 9000;

export interface LiveMatch extends SessionFacts {
  director: Director;
  stage: ReturnType<Director['getSnapshot']>;
  /** The server's clock of the seat to move (the viewer's own while theirs runs). */
  clock: ShownClock | null;
  /** Server time minus this browser's. */
  serverOffsetMs: number;
  /** The last move the timeout rule made for a seat whose time ran out (the server marks it). */
  timedOut: { seat: Seat; version: number } | null;
  controls: Controls;
  name(seat: Seat): string;
  act(action: GolfAction): void;
}

/**
 * A live match: the SDK connection (reconnect, resume, ack pacing) feeding the director, which
 * animates each step and only then acknowledges it. Controls come from the latest LEGAL and
 * appear only once the table shows the state they belong to.
 */
export function useLiveMatch(matchId: string): LiveMatch {
  // The director outlives renders; names change as seats fill, so it reads them through a ref.
  const nameRef = useRef((seat: Seat) => seatName([], seat));
  const seatRef = useRef<Seat | null>(null);
  const [director] = useState(
    () =>
      new Director({
        timing: () => timingFor(settings.getSnapshot().speed, prefersReducedMotion()),
        name: (seat) => nameRef.current(seat),
        tallyMs: TALLY_MS,
        onStep: (event) => {
          const beat = golfBeat(event, seatRef.current);
          if (beat) playBeat(beat);
        },
      }),
  );
  const stage = useSyncExternalStore(director.subscribe, director.getSnapshot);
  const [timedOut, setTimedOut] = useState<LiveMatch['timedOut']>(null);

  const session = useMatchSession<GolfView, GolfAction>(matchId, {
    onWelcome: (welcome) => {
      const view = welcome.view as GolfView;
      director.reset(view, welcome);
    },
    showStep: async ({ event, view }) => {
      await director.play(event as unknown as GolfEvent, event, view as GolfView);
      if (event.timedOut !== undefined)
        setTimedOut({ seat: event.timedOut, version: event.version });
    },
  });
  const { seat, role, legal, pending, seats } = session;
  const name = useCallback((seat: Seat) => seatName(seats, seat), [seats]);
  useLayoutEffect(() => {
    nameRef.current = name;
    seatRef.current = role === 'player' ? seat : null;
  }, [name, role, seat]);

  const view = stage.view;
  const myMove =
    view !== null &&
    seat !== null &&
    ((view.phase.kind === 'turn' && view.phase.seat === seat) ||
      (view.phase.kind === 'initialFlip' && view.phase.pending.includes(seat)));
  // The opening flip is open all through the phase: other seats' flips animating never change
  // what this seat may pick, so picks are taken while they play.
  const openingFlip =
    view?.phase.kind === 'initialFlip' &&
    legal !== null &&
    legal.legal.some((action) => action.type === 'initialFlip');
  const ready =
    role === 'player' &&
    !pending &&
    myMove &&
    legal !== null &&
    (openingFlip || (!stage.busy && legal.version <= stage.version));
  const legalActions = legal?.legal;
  const allControls = useMemo(
    () => (legalActions ? controlsFor(legalActions as GolfAction[]) : NO_CONTROLS),
    [legalActions],
  );

  return {
    director,
    stage,
    connection: session.connection,
    closed: session.closed,
    seat,
    role,
    status: session.status,
    seats,
    result: session.result,
    rematchId: session.rematchId,
    // While the hole tally shows, no clock runs (the server holds the next ones): the last
    // LEGAL's may be the hole's, whose next LEGAL comes once the tally step is acknowledged.
    clock: stage.tally ? null : shownClock(legal?.clocks ?? [], seat),
    serverOffsetMs: session.serverOffsetMs,
    timedOut,
    controls: ready ? allControls : NO_CONTROLS,
    actionError: session.actionError,
    name,
    act: session.act,
  };
}
