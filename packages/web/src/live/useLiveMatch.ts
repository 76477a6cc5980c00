import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Seat } from '@cardtable/engine';
import type { GolfAction, GolfEvent, GolfView } from '@cardtable/golf';
import type {
  ActionError,
  CloseReason,
  ConnectionState,
  LegalUpdate,
  MatchConnection,
  MatchStatus,
  Outcome,
  PublicSeat,
  Role,
} from '@cardtable/sdk';
import { Director } from '../animation/director.ts';
import { prefersReducedMotion } from '../animation/motion.ts';
import { controlsFor, NO_CONTROLS, type Controls } from '../game/controls.ts';
import { seatName } from '../game/names.ts';
import { client, ensureSignedIn } from '../net/session.ts';

const TALLY_MS = 9000;

export interface LiveMatch {
  director: Director;
  stage: ReturnType<Director['getSnapshot']>;
  connection: ConnectionState;
  closed: CloseReason | null;
  seat: Seat | null;
  role: Role | null;
  status: MatchStatus | null;
  seats: PublicSeat[];
  result: Outcome | null;
  turnEndsAt: string | null;
  controls: Controls;
  /** The last refusal of an action, for the reader. */
  actionError: ActionError | null;
  name(seat: Seat): string;
  act(action: GolfAction): void;
}

/**
 * A live match: the SDK connection (reconnect, resume, ack pacing) feeding the director, which
 * animates each step and only then acknowledges it. Controls come from the latest LEGAL and
 * appear only once the table shows the state they belong to.
 */
export function useLiveMatch(matchId: string): LiveMatch {
  const [seats, setSeats] = useState<PublicSeat[]>([]);
  const name = useCallback((seat: Seat) => seatName(seats, seat), [seats]);
  // The director outlives renders; names change as seats fill, so it reads them through a ref.
  const nameRef = useRef(name);
  useLayoutEffect(() => {
    nameRef.current = name;
  }, [name]);
  const [director] = useState(
    () =>
      new Director({
        timing: () => ({ reducedMotion: prefersReducedMotion(), speed: 1 }),
        name: (seat) => nameRef.current(seat),
        tallyMs: TALLY_MS,
      }),
  );
  const stage = useSyncExternalStore(director.subscribe, director.getSnapshot);

  const [conn, setConn] = useState<MatchConnection<GolfView> | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [closed, setClosed] = useState<CloseReason | null>(null);
  const [seat, setSeat] = useState<Seat | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<MatchStatus | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const [legal, setLegal] = useState<LegalUpdate | null>(null);
  const [pending, setPending] = useState(false);
  const [actionError, setActionError] = useState<ActionError | null>(null);

  useEffect(() => {
    let stopped = false;
    let current: MatchConnection<GolfView> | null = null;
    void (async () => {
      const signedIn = await ensureSignedIn();
      if (stopped) return;
      if (!signedIn.ok) {
        setClosed({ code: 'UNAUTHORIZED', message: signedIn.error.message });
        setConnection('closed');
        return;
      }
      const live = client.connect<GolfView>(matchId);
      current = live;
      setConn(live);
      live.on('state', setConnection);
      live.on('closed', setClosed);
      live.on('welcome', ({ welcome, resumed }) => {
        setSeat(welcome.seat);
        setRole(welcome.role);
        setSeats(welcome.seats);
        setStatus(welcome.status);
        setResult(welcome.result);
        if (!resumed) director.reset(welcome.view as GolfView, welcome);
      });
      live.on('status', (message) => {
        setSeats(message.seats);
        setStatus(message.status);
        setResult(message.result);
      });
      live.on('legal', (update) => {
        setLegal(update);
        setStatus(update.status);
      });
      for (let delivery = await live.nextStep(); delivery; delivery = await live.nextStep()) {
        const { event, view } = delivery.step;
        await director.play(event as unknown as GolfEvent, event, view as GolfView);
        delivery.ack();
      }
    })();
    return () => {
      stopped = true;
      current?.close();
    };
  }, [matchId, director]);

  const view = stage.view;
  const myMove =
    view !== null &&
    seat !== null &&
    ((view.phase.kind === 'turn' && view.phase.seat === seat) ||
      (view.phase.kind === 'initialFlip' && view.phase.pending.includes(seat)));
  const ready =
    role === 'player' &&
    !pending &&
    !stage.busy &&
    myMove &&
    legal !== null &&
    legal.version <= stage.version;
  const legalActions = legal?.legal;
  const allControls = useMemo(
    () => (legalActions ? controlsFor(legalActions as GolfAction[]) : NO_CONTROLS),
    [legalActions],
  );

  const act = useCallback(
    (action: GolfAction) => {
      if (!conn) return;
      setPending(true);
      setActionError(null);
      void conn.act(action, legal ? { knownVersion: legal.version } : {}).then((outcome) => {
        setPending(false);
        if (!outcome.ok && outcome.error.code !== 'CONNECTION_CLOSED') {
          setActionError(outcome.error);
        }
      });
    },
    [conn, legal],
  );

  return {
    director,
    stage,
    connection,
    closed,
    seat,
    role,
    status,
    seats,
    result,
    turnEndsAt: legal?.turnEndsAt ?? null,
    controls: ready ? allControls : NO_CONTROLS,
    actionError,
    name,
    act,
  };
}
