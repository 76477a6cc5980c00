import { useCallback, useEffect, useRef, useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type {
  ActionError,
  CloseReason,
  ConnectionState,
  LegalUpdate,
  MatchConnection,
  MatchStatus,
  PublicSeat,
  Role,
} from '@cardtable/sdk';
import type { TcgAction, TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { prefersReducedMotion } from '../animation/motion.ts';
import { seatName } from '../game/names.ts';
import { client, ensureSignedIn } from '../net/session.ts';

/** How long each animated step stays on screen before it is acknowledged. */
const STEP_MS = 420;

export interface TcgMatch {
  view: TcgView | null;
  /** The step being shown (for its animation), with a counter so equal steps replay. */
  step: { event: TcgEvent; n: number } | null;
  busy: boolean;
  connection: ConnectionState;
  closed: CloseReason | null;
  seat: Seat | null;
  role: Role | null;
  status: MatchStatus | null;
  legal: TcgAction[];
  turnEndsAt: string | null;
  actionError: ActionError | null;
  name(seat: Seat): string;
  act(action: TcgAction): void;
}

/**
 * A live TCG match over the SDK connection: the view follows each step (animated steps wait a
 * moment, then are acknowledged so the server paces the stream), and actions carry the
 * version of the LEGAL list they were chosen from.
 */
export function useTcgMatch(matchId: string): TcgMatch {
  const [view, setView] = useState<TcgView | null>(null);
  const [step, setStep] = useState<TcgMatch['step']>(null);
  const [busy, setBusy] = useState(false);
  const [conn, setConn] = useState<MatchConnection<TcgView> | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [closed, setClosed] = useState<CloseReason | null>(null);
  const [seat, setSeat] = useState<Seat | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<MatchStatus | null>(null);
  const [seats, setSeats] = useState<PublicSeat[]>([]);
  const [legal, setLegal] = useState<LegalUpdate | null>(null);
  const [shownVersion, setShownVersion] = useState(0);
  const [pending, setPending] = useState(false);
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const counter = useRef(0);

  useEffect(() => {
    let stopped = false;
    let current: MatchConnection<TcgView> | null = null;
    void (async () => {
      const signedIn = await ensureSignedIn();
      if (stopped) return;
      if (!signedIn.ok) {
        setClosed({ code: 'UNAUTHORIZED', message: signedIn.error.message });
        setConnection('closed');
        return;
      }
      const live = client.connect<TcgView>(matchId);
      current = live;
      setConn(live);
      live.on('state', setConnection);
      live.on('closed', setClosed);
      live.on('welcome', ({ welcome, resumed }) => {
        setSeat(welcome.seat);
        setRole(welcome.role);
        setSeats(welcome.seats);
        setStatus(welcome.status);
        if (!resumed) {
          setView(welcome.view as TcgView);
          setShownVersion(welcome.version);
        }
      });
      live.on('status', (message) => {
        setSeats(message.seats);
        setStatus(message.status);
      });
      live.on('legal', (update) => {
        setLegal(update);
        setStatus(update.status);
      });
      for (let delivery = await live.nextStep(); delivery; delivery = await live.nextStep()) {
        const { event, view: next } = delivery.step;
        setView(next as TcgView);
        setShownVersion(event.version);
        if (event.requiresAck) {
          setStep({
            event: { type: event.type, data: event.data } as TcgEvent,
            n: ++counter.current,
          });
          setBusy(true);
          await new Promise((resolve) => setTimeout(resolve, prefersReducedMotion() ? 0 : STEP_MS));
          setBusy(false);
        }
        delivery.ack();
      }
    })();
    return () => {
      stopped = true;
      current?.close();
    };
  }, [matchId]);

  const act = useCallback(
    (action: TcgAction) => {
      if (!conn) return;
      setPending(true);
      setActionError(null);
      void conn.act(action, legal ? { knownVersion: legal.version } : {}).then((outcome) => {
        setPending(false);
        if (!outcome.ok && outcome.error.code !== 'CONNECTION_CLOSED')
          setActionError(outcome.error);
      });
    },
    [conn, legal],
  );

  const ready =
    role === 'player' && !pending && !busy && legal !== null && legal.version <= shownVersion;
  return {
    view,
    step,
    busy,
    connection,
    closed,
    seat,
    role,
    status,
    legal: ready ? (legal.legal as TcgAction[]) : [],
    turnEndsAt: legal?.turnEndsAt ?? null,
    actionError,
    name: (s) => seatName(seats, s),
    act,
  };
}
